"""The offline map: viewport fitting, clipping, thinning."""

from __future__ import annotations

import pytest

from eventscope.export.basemap import (
    WIDTH,
    MapDot,
    Viewport,
    clip_ring,
    fit_viewport,
    render_map,
    ring_path,
    thin,
)
from eventscope.export.countries import country


@pytest.mark.parametrize(
    "points",
    [
        [(37.1, 36.2)],
        [(37.1, 36.2), (30.5, 50.4)],
        [(-17.0, 14.7), (45.3, 2.0), (69.2, 34.5)],
        [(179.0, -17.0), (-179.0, 65.0)],
        [(0.0, 84.0)],
    ],
)
def test_viewport_contains_points_with_sane_shape(points: list[tuple[float, float]]) -> None:
    view = fit_viewport(points)
    for lon, lat in points:
        x, y = view.project(lon, lat)
        assert 0 <= x <= WIDTH and 0 <= y <= view.height
    assert view.lon_max - view.lon_min >= 6 and view.lat_max - view.lat_min >= 6
    assert 0.2 * WIDTH <= view.height <= 0.8 * WIDTH


def test_world_view_without_points() -> None:
    view = fit_viewport([])
    assert (view.lon_min, view.lon_max) == (-180.0, 180.0)


def test_clip_ring_keeps_inside_part() -> None:
    square = [(-10.0, -10.0), (10.0, -10.0), (10.0, 10.0), (-10.0, 10.0)]
    clipped = clip_ring(square, 0, 0, 5, 5)
    assert clipped and all(0 <= x <= 5 and 0 <= y <= 5 for x, y in clipped)
    assert clip_ring(square, 20, 20, 30, 30) == []


def test_thin_drops_close_vertices() -> None:
    assert thin([(0.0, 0.0), (0.1, 0.1), (5.0, 5.0), (5.04, 5.0)]) == [(0.0, 0.0), (5.0, 5.0)]


def test_tiny_and_offscreen_rings_are_dropped() -> None:
    view = Viewport(30.0, 30.0, 40.0, 40.0)
    assert ring_path(((35.0, 35.0), (35.001, 35.0), (35.0, 35.001)), view) == ""
    assert ring_path(((100.0, 0.0), (101.0, 0.0), (101.0, 1.0)), view) == ""
    path = ring_path(((31.0, 31.0), (39.0, 31.0), (39.0, 39.0)), view)
    assert path.startswith("M") and path.endswith("Z")


def test_render_map_draws_dots_and_escapes_tooltips() -> None:
    syria = country("SY")
    assert syria is not None and syria.rings
    svg = render_map([MapDot(37.1, 36.2, 6.0, "#d62728", "#event-1", "<b>x</b> & y")], {"SY"})
    assert svg.startswith('<svg id="map"') and svg.endswith("</svg>")
    assert "<title>&lt;b&gt;x&lt;/b&gt; &amp; y</title>" in svg
    assert 'class="land hit"' in svg and "SYRIA" not in svg  # labels are uppercased by CSS
