"""An offline map as inline SVG: country outlines from countryinfo, events as dots.

The report must open with no network, so there are no tiles: outlines are projected
(equirectangular, with the standard parallel at the middle of the view so shapes are not
stretched), clipped to the view, thinned to what a screen can show, and written as compact path
data. Only what falls in view is written, which keeps a zoomed-in report small.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from html import escape

from eventscope.export.countries import CountryFacts, Ring, countries

Point = tuple[float, float]
Inside = Callable[[Point], bool]
Cut = Callable[[Point, Point], Point]

WIDTH = 1000.0  # viewBox width; the SVG scales to its container
_MIN_SPAN = 9.0  # degrees: a single event still shows its surroundings
_ASPECT = (0.42, 0.62)  # height/width limits, so the map neither towers nor becomes a strip
_WORLD = (-180.0, -58.0, 180.0, 84.0)  # lon_min, lat_min, lon_max, lat_max (no Antarctica)
_THIN = 0.8  # drop a vertex closer than this (viewBox units) to the previous one
_TINY = 1.5  # drop a ring whose extent is below this in both directions


@dataclass(frozen=True, slots=True)
class Viewport:
    """The geographic window shown and its projection into viewBox units."""

    lon_min: float
    lat_min: float
    lon_max: float
    lat_max: float

    @property
    def k(self) -> float:
        return math.cos(math.radians((self.lat_min + self.lat_max) / 2))

    @property
    def scale(self) -> float:
        return WIDTH / ((self.lon_max - self.lon_min) * self.k)

    @property
    def height(self) -> float:
        return (self.lat_max - self.lat_min) * self.scale

    def project(self, lon: float, lat: float) -> Point:
        s = self.scale
        return ((lon - self.lon_min) * self.k * s, (self.lat_max - lat) * s)


@dataclass(frozen=True, slots=True)
class MapDot:
    """One event on the map; ``tooltip`` is plain text (escaped here)."""

    lon: float
    lat: float
    radius: float
    colour: str  # a CSS colour from our own palette, never from data
    href: str  # an in-page anchor, "#event-3"
    tooltip: str


def _grow(lo: float, hi: float, span: float) -> tuple[float, float]:
    """Widen [lo, hi] symmetrically to at least ``span``."""
    extra = max(0.0, span - (hi - lo)) / 2
    return lo - extra, hi + extra


def _shift_within(lo: float, hi: float, floor: float, ceil: float) -> tuple[float, float]:
    """Slide [lo, hi] inside [floor, ceil] (near a pole the view moves, it does not shrink)."""
    if hi > ceil:
        lo, hi = lo - (hi - ceil), ceil
    if lo < floor:
        lo, hi = floor, min(ceil, hi + (floor - lo))
    return lo, hi


def fit_viewport(points: Sequence[Point]) -> Viewport:
    """A window around the points with a margin, a minimum size and a sane aspect ratio."""
    if not points:
        return Viewport(*_WORLD)
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    lon_lo, lon_hi = min(lons), max(lons)
    lat_lo, lat_hi = min(lats), max(lats)
    margin = max(1.5, 0.2 * max(lon_hi - lon_lo, lat_hi - lat_lo))
    lon_lo, lon_hi = _grow(lon_lo - margin, lon_hi + margin, _MIN_SPAN)
    lat_lo, lat_hi = _grow(lat_lo - margin, lat_hi + margin, _MIN_SPAN)
    lat_lo, lat_hi = _shift_within(lat_lo, lat_hi, -85.0, 85.0)
    k = math.cos(math.radians((lat_lo + lat_hi) / 2))
    ratio = (lat_hi - lat_lo) / ((lon_hi - lon_lo) * k)
    if ratio < _ASPECT[0]:
        lat_lo, lat_hi = _grow(lat_lo, lat_hi, _ASPECT[0] * (lon_hi - lon_lo) * k)
    elif ratio > _ASPECT[1]:
        lon_lo, lon_hi = _grow(lon_lo, lon_hi, (lat_hi - lat_lo) / _ASPECT[1] / k)
    lon_lo, lon_hi = _shift_within(lon_lo, lon_hi, -180.0, 180.0)
    lat_lo, lat_hi = _shift_within(lat_lo, lat_hi, -85.0, 85.0)
    return Viewport(lon_lo, lat_lo, lon_hi, lat_hi)


def _clip_edge(points: list[Point], inside: Inside, cut: Cut) -> list[Point]:
    """One Sutherland-Hodgman pass against a single half-plane."""
    out: list[Point] = []
    for i, cur in enumerate(points):
        prev = points[i - 1]
        if inside(cur):
            if not inside(prev):
                out.append(cut(prev, cur))
            out.append(cur)
        elif inside(prev):
            out.append(cut(prev, cur))
    return out


def _at_x(x: float) -> Cut:
    def cut(a: Point, b: Point) -> Point:
        t = (x - a[0]) / (b[0] - a[0])
        return (x, a[1] + t * (b[1] - a[1]))

    return cut


def _at_y(y: float) -> Cut:
    def cut(a: Point, b: Point) -> Point:
        t = (y - a[1]) / (b[1] - a[1])
        return (a[0] + t * (b[0] - a[0]), y)

    return cut


def clip_ring(points: list[Point], x0: float, y0: float, x1: float, y1: float) -> list[Point]:
    """Clip a polygon ring to a rectangle (fills stay right; edges may run along the border)."""
    edges: tuple[tuple[Inside, Cut], ...] = (
        (lambda p: p[0] >= x0, _at_x(x0)),
        (lambda p: p[0] <= x1, _at_x(x1)),
        (lambda p: p[1] >= y0, _at_y(y0)),
        (lambda p: p[1] <= y1, _at_y(y1)),
    )
    for inside, cut in edges:
        if not points:
            break
        points = _clip_edge(points, inside, cut)
    return points


def thin(points: Iterable[Point]) -> list[Point]:
    """Round to 0.1 unit and drop vertices too close to the last one kept."""
    kept: list[Point] = []
    for x, y in points:
        p = (round(x, 1), round(y, 1))
        if not kept or abs(p[0] - kept[-1][0]) + abs(p[1] - kept[-1][1]) >= _THIN:
            kept.append(p)
    return kept


def _num(v: float) -> str:
    text = f"{v:.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def ring_path(ring: Ring, view: Viewport) -> str:
    """Compact SVG path data for one ring, or "" when nothing of it is visible or it is tiny."""
    pad = 4.0
    projected = [view.project(lon, lat) for lon, lat in ring]
    points = thin(clip_ring(projected, -pad, -pad, WIDTH + pad, view.height + pad))
    if len(points) < 3:
        return ""
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    if max(xs) - min(xs) < _TINY and max(ys) - min(ys) < _TINY:
        return ""
    # After "M", further coordinate pairs are implicit line-tos: the shortest valid form.
    return "M" + " ".join(f"{_num(x)},{_num(y)}" for x, y in points) + "Z"


def _in_view(facts: CountryFacts, view: Viewport) -> bool:
    if facts.bbox is None:
        return False
    lon0, lat0, lon1, lat1 = facts.bbox
    return not (
        lon1 < view.lon_min or lon0 > view.lon_max or lat1 < view.lat_min or lat0 > view.lat_max
    )


def country_paths(view: Viewport, highlight: frozenset[str]) -> list[str]:
    """One <path> per country in view (even-odd fill, so holes stay holes)."""
    out = []
    for iso2, facts in sorted(countries().items()):
        if not _in_view(facts, view):
            continue
        d = "".join(ring_path(ring, view) for ring in facts.rings)
        if d:
            cls = "land hit" if iso2 in highlight else "land"
            out.append(f'<path class="{cls}" d="{d}"><title>{escape(facts.name)}</title></path>')
    return out


@dataclass(frozen=True, slots=True)
class _Label:
    x: float
    y: float
    width: float  # estimated text width, for collision checks
    on_screen: float  # how wide the country is in view: bigger countries label first
    name: str

    def overlaps(self, other: _Label) -> bool:
        return abs(self.x - other.x) * 2 < self.width + other.width and abs(self.y - other.y) < 16


def _label(facts: CountryFacts, view: Viewport) -> _Label | None:
    """Country name at its reference point, when the country is big enough on screen."""
    if facts.label_latlng is None or facts.bbox is None:
        return None
    lon0, _, lon1, _ = facts.bbox
    on_screen = (min(lon1, view.lon_max) - max(lon0, view.lon_min)) * view.k * view.scale
    x, y = view.project(facts.label_latlng[1], facts.label_latlng[0])
    width = 8.5 * len(facts.name)  # 12px uppercase with letter spacing
    if on_screen < 90 or not (width / 2 < x < WIDTH - width / 2 and 12 < y < view.height - 12):
        return None
    return _Label(x, y, width, on_screen, facts.name)


def country_labels(view: Viewport) -> list[str]:
    """Names of the larger countries in view, skipping any that would overlap a bigger one."""
    found = [_label(f, view) for _, f in sorted(countries().items()) if _in_view(f, view)]
    kept: list[_Label] = []
    for label in sorted((x for x in found if x), key=lambda x: (-x.on_screen, x.name)):
        if not any(label.overlaps(k) for k in kept):
            kept.append(label)
    return [
        f'<text class="cname" x="{_num(k.x)}" y="{_num(k.y)}">{escape(k.name)}</text>'
        for k in sorted(kept, key=lambda x: x.name)
    ]


def graticule(view: Viewport) -> list[str]:
    """Faint parallels and meridians with degree labels, so positions can be read off."""
    span = max(view.lon_max - view.lon_min, view.lat_max - view.lat_min)
    step = next((s for s in (1, 2, 5, 10, 15, 30) if span / s <= 8), 60)
    out = []
    for lon in range(math.ceil(view.lon_min / step) * step, math.floor(view.lon_max) + 1, step):
        x = _num(view.project(lon, 0)[0])
        out.append(f'<path class="grid" d="M{x},0V{_num(view.height)}"/>')
        hemi = "E" if lon > 0 else "W" if lon < 0 else ""
        y = _num(view.height - 4)
        out.append(f'<text class="glabel" x="{x}" y="{y}">{abs(lon)}°{hemi}</text>')
    for lat in range(math.ceil(view.lat_min / step) * step, math.floor(view.lat_max) + 1, step):
        y = _num(view.project(0, lat)[1])
        out.append(f'<path class="grid" d="M0,{y}H{_num(WIDTH)}"/>')
        hemi = "N" if lat > 0 else "S" if lat < 0 else ""
        out.append(f'<text class="glabel" x="4" y="{y}">{abs(lat)}°{hemi}</text>')
    return out


def dot_svg(dot: MapDot, view: Viewport) -> str:
    x, y = view.project(dot.lon, dot.lat)
    return (
        f'<a href="{escape(dot.href)}"><circle class="dot" cx="{_num(x)}" cy="{_num(y)}" '
        f'r="{_num(dot.radius)}" fill="{escape(dot.colour)}">'
        f"<title>{escape(dot.tooltip)}</title></circle></a>"
    )


def render_map(dots: Sequence[MapDot], highlight: Iterable[str] = ()) -> str:
    """The whole <svg>: sea, land, grid, labels, then dots (largest first, so small stay on top)."""
    view = fit_viewport([(d.lon, d.lat) for d in dots])
    marked = frozenset(i.upper() for i in highlight if i)
    parts = [
        f'<svg id="map" viewBox="0 0 {_num(WIDTH)} {_num(view.height)}" role="img" '
        f'aria-label="Map of event locations" preserveAspectRatio="xMidYMid meet">',
        f'<rect class="sea" width="{_num(WIDTH)}" height="{_num(view.height)}"/>',
        *country_paths(view, marked),
        *graticule(view),
        *country_labels(view),
        *[dot_svg(d, view) for d in sorted(dots, key=lambda d: -d.radius)],
        "</svg>",
    ]
    return "\n".join(parts)
