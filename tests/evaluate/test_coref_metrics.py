"""Coreference metrics on the worked example of Pradhan et al. (2014), section 3, and on edge
cases; the expected values are computed by hand in the comments."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from eventscope.evaluate.coref_metrics import b_cubed, ceaf_e, conll_scores, hungarian_max, muc

# Key {a b c} {d e f g}; response {a b} {c d} {f g h i} (h, i are not in the key).
KEY = [["a", "b", "c"], ["d", "e", "f", "g"]]
RESPONSE = [["a", "b"], ["c", "d"], ["f", "g", "h", "i"]]


def test_muc_textbook() -> None:
    # recall: (3-2) + (4-3) over (2 + 3) = 2/5; precision: (1 + 0 + 1) over (1 + 1 + 3) = 2/5
    s = muc(KEY, RESPONSE)
    assert s["recall"] == pytest.approx(0.4) and s["precision"] == pytest.approx(0.4)
    assert s["f1"] == pytest.approx(0.4)


def test_b_cubed_textbook() -> None:
    # recall: (4/3 + 1/3 + 1/4 + 4/4) / 7 = 5/12; precision: (4/2 + 1/2 + 1/2 + 4/4) / 8 = 1/2
    s = b_cubed(KEY, RESPONSE)
    assert s["recall"] == pytest.approx(5 / 12) and s["precision"] == pytest.approx(0.5)
    assert s["f1"] == pytest.approx(2 * (5 / 12) * 0.5 / (5 / 12 + 0.5))


def test_ceaf_e_textbook() -> None:
    # best assignment {a b c}-{a b} (phi4 4/5) and {d e f g}-{f g h i} (4/8): 1.3
    s = ceaf_e(KEY, RESPONSE)
    assert s["recall"] == pytest.approx(1.3 / 2) and s["precision"] == pytest.approx(1.3 / 3)
    assert s["f1"] == pytest.approx(0.52)


def test_conll_is_mean_of_three_f1() -> None:
    s = conll_scores(KEY, RESPONSE)
    assert s["conll_f1"] == pytest.approx((s["muc_f1"] + s["b3_f1"] + s["ceaf_e_f1"]) / 3, abs=1e-4)


def test_perfect_response_scores_one() -> None:
    s = conll_scores([*KEY, ["x"]], [["x"], ["c", "a", "b"], ["g", "f", "e", "d"]])
    assert s["conll_f1"] == 1.0 and s["muc_f1"] == 1.0


def test_all_singletons_have_no_muc_links() -> None:
    singles = [["a"], ["b"], ["c"]]
    s = conll_scores(singles, singles)
    assert s["muc_f1"] == 0.0 and s["b3_f1"] == 1.0 and s["ceaf_e_f1"] == 1.0


def test_one_big_cluster_has_full_muc_recall() -> None:
    s = muc([["a", "b"], ["c", "d"]], [["a", "b", "c", "d"]])
    assert s["recall"] == 1.0 and s["precision"] == pytest.approx(2 / 3)


@pytest.mark.parametrize("shape", [(3, 3), (2, 5), (5, 2), (4, 4), (1, 1)])
def test_hungarian_matches_brute_force(shape: tuple[int, int]) -> None:
    rng = np.random.default_rng(sum(shape))
    for _ in range(20):
        w = rng.random(shape)
        rows, cols = shape
        if rows <= cols:
            best = max(
                sum(w[i, p[i]] for i in range(rows))
                for p in itertools.permutations(range(cols), rows)
            )
        else:
            best = max(
                sum(w[p[j], j] for j in range(cols))
                for p in itertools.permutations(range(rows), cols)
            )
        assert hungarian_max(w) == pytest.approx(best)
