"""Segmenting respondents: Gower distance + k-medoids on a sample, then everyone to the nearest medoid.

Why this method: survey answers mix numbers, scales, categories and
multi-selects; Gower's distance compares each kind on its own terms, and
k-medoids (unlike k-means) needs nothing but distances and gives each segment a
real respondent as its centre. A full 10,000 x 10,000 distance matrix would be
400 MB, so medoids are found on a seeded sample (``SAMPLE`` respondents, the
CLARA idea) and every respondent is then assigned to its nearest medoid.

The medoid search is the alternating ("Voronoi iteration") k-medoids with
k-medoids++ starts, best of ``STARTS`` runs. ``auto`` picks the number of
segments 2-8 with the highest mean silhouette on the sample's Gower distances.
Stability: the sample is resampled (80 %, ``RESAMPLES`` times) and re-segmented;
a segment's stability is the mean Jaccard overlap with its best match in each
resample (Hennig's clusterwise stability: >= 0.85 stable, < 0.6 doubtful), and the
whole solution's is the mean adjusted Rand index between the runs.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from personadesigner.discovery.encode import Encoded, gower

SAMPLE = 2000
STARTS = 4
#: Starts per candidate number of segments when choosing it (auto): 7 candidates must fit the time budget.
AUTO_STARTS = 2
RESAMPLES = 10
MAX_SEGMENTS = 8


@dataclass
class Segmentation:
    labels: np.ndarray  # (n,) segment of every respondent, 0-based, biggest segment first
    medoids: np.ndarray  # (k,) respondent index of each segment's medoid
    silhouettes: dict[int, float]  # k -> mean silhouette on the sample (auto: every k tried)
    stability: np.ndarray  # (k,) mean Jaccard of each segment over resamples
    ari: float  # mean adjusted Rand index of resampled runs vs the sample's
    distance_to_medoid: np.ndarray  # (n,) each respondent's Gower distance to its medoid

    @property
    def k(self) -> int:
        return int(len(self.medoids))


def kmedoids(
    d: np.ndarray, k: int, rng: np.random.Generator, starts: int = STARTS, max_iter: int = 50
) -> tuple[np.ndarray, np.ndarray]:
    """(medoids, labels) minimising the sum of distances to the medoid, best of ``starts``."""
    n = d.shape[0]
    best: tuple[float, np.ndarray, np.ndarray] | None = None
    for _ in range(starts):
        medoids = _plus_plus(d, k, rng)
        for _it in range(max_iter):
            labels = np.argmin(d[:, medoids], axis=1)
            new = medoids.copy()
            for c in range(k):
                members = np.flatnonzero(labels == c)
                if len(members) == 0:  # an empty segment takes the point farthest from its medoid
                    far = int(np.argmax(d[np.arange(n), medoids[labels]]))
                    new[c] = far
                    continue
                within = d[np.ix_(members, members)].sum(axis=1)
                new[c] = members[int(np.argmin(within))]
            if np.array_equal(np.sort(new), np.sort(medoids)):
                medoids = new
                break
            medoids = new
        labels = np.argmin(d[:, medoids], axis=1)
        cost = float(d[np.arange(n), medoids[labels]].sum())
        if best is None or cost < best[0] - 1e-9:
            best = (cost, medoids.copy(), labels)
    assert best is not None
    return best[1], best[2]


def _plus_plus(d: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
    n = d.shape[0]
    chosen = [int(rng.integers(n))]
    nearest = d[chosen[0]].astype(np.float64)
    for _ in range(1, k):
        weights = nearest**2
        total = weights.sum()
        nxt = int(rng.choice(n, p=weights / total)) if total > 0 else int(rng.integers(n))
        chosen.append(nxt)
        nearest = np.minimum(nearest, d[nxt])
    return np.array(chosen)


def silhouette(d: np.ndarray, labels: np.ndarray) -> float:
    """Mean silhouette width of ``labels`` on the distance matrix ``d``."""
    k = int(labels.max()) + 1
    onehot = np.zeros((len(labels), k), dtype=np.float32)
    onehot[np.arange(len(labels)), labels] = 1.0
    sums = d @ onehot
    sizes = onehot.sum(axis=0)
    own = labels
    own_size = sizes[own]
    a = np.where(own_size > 1, sums[np.arange(len(labels)), own] / np.maximum(own_size - 1, 1), 0.0)
    other = sums / np.maximum(sizes, 1)
    other[np.arange(len(labels)), own] = np.inf
    other[:, sizes == 0] = np.inf
    b = other.min(axis=1)
    s = np.where(own_size > 1, (b - a) / np.maximum(np.maximum(a, b), 1e-12), 0.0)
    return float(np.mean(s))


def adjusted_rand(a: np.ndarray, b: np.ndarray) -> float:
    """The adjusted Rand index of two labelings (1 = the same partition, ~0 = chance)."""
    a = np.unique(np.asarray(a), return_inverse=True)[1]
    b = np.unique(np.asarray(b), return_inverse=True)[1]
    table = np.zeros((a.max() + 1, b.max() + 1), dtype=np.int64)
    np.add.at(table, (a, b), 1)

    def pairs(x: np.ndarray) -> float:
        return float((x * (x - 1) // 2).sum())

    index = pairs(table)
    rows, cols = pairs(table.sum(axis=1)), pairs(table.sum(axis=0))
    total = len(a) * (len(a) - 1) / 2
    expected = rows * cols / total if total else 0.0
    maximum = (rows + cols) / 2
    return 1.0 if maximum == expected else (index - expected) / (maximum - expected)


def segment(
    enc: Encoded, k: int | None, seed: int = 1, *, sample_size: int = SAMPLE, resamples: int = RESAMPLES
) -> Segmentation:
    """Segment every respondent into ``k`` segments (``None``: choose 2-8 by silhouette)."""
    n = enc.n
    rng = np.random.default_rng(seed)
    sample = np.sort(rng.choice(n, size=sample_size, replace=False)) if n > sample_size else np.arange(n)
    d = gower(enc, sample, sample)
    silhouettes: dict[int, float] = {}
    if k is None:
        best = None
        for kk in range(2, min(MAX_SEGMENTS, len(sample) - 1) + 1):
            med, lab = kmedoids(d, kk, np.random.default_rng([seed, kk]), starts=AUTO_STARTS)
            silhouettes[kk] = silhouette(d, lab)
            if best is None or silhouettes[kk] > silhouettes[best[0]] + 1e-6:
                best = (kk, med, lab)
        assert best is not None
        k, medoids, labels = best
    else:
        medoids, labels = kmedoids(d, k, np.random.default_rng([seed, k]))
        silhouettes[k] = silhouette(d, labels)
    stability, ari = _stability(d, labels, k, seed, resamples)
    # Everyone to the nearest medoid, in chunks (n x k distances, never n x n).
    full = np.empty(n, dtype=np.int64)
    dist = np.empty(n, dtype=np.float32)
    real_medoids = sample[medoids]
    for start in range(0, n, 4096):
        rows = np.arange(start, min(n, start + 4096))
        dm = gower(enc, rows, real_medoids)
        full[rows] = np.argmin(dm, axis=1)
        dist[rows] = dm[np.arange(len(rows)), full[rows]]
    # Number segments biggest first, so "Draft persona 1" is the largest group.
    order = np.argsort(-np.bincount(full, minlength=k), kind="stable")
    rank = np.empty(k, dtype=np.int64)
    rank[order] = np.arange(k)
    return Segmentation(
        labels=rank[full],
        medoids=real_medoids[order],
        silhouettes=silhouettes,
        stability=stability[order],
        ari=ari,
        distance_to_medoid=dist,
    )


def _stability(d: np.ndarray, labels: np.ndarray, k: int, seed: int, resamples: int) -> tuple[np.ndarray, float]:
    """Per segment mean best-match Jaccard, and the mean ARI, over 80 % subsamples."""
    n = d.shape[0]
    rng = np.random.default_rng([seed, 7919])
    jaccards = np.zeros((resamples, k))
    aris = []
    for r in range(resamples):
        sub = np.sort(rng.choice(n, size=max(k + 1, int(0.8 * n)), replace=False))
        _, lab = kmedoids(d[np.ix_(sub, sub)], k, rng, starts=2)
        orig = labels[sub]
        aris.append(adjusted_rand(orig, lab))
        for c in range(k):
            members = orig == c
            if not members.any():
                continue
            best = 0.0
            for c2 in range(k):
                other = lab == c2
                union = np.logical_or(members, other).sum()
                if union:
                    best = max(best, np.logical_and(members, other).sum() / union)
            jaccards[r, c] = best
    return jaccards.mean(axis=0), float(np.mean(aris)) if aris else 1.0
