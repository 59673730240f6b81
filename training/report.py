"""Visual evaluation report: PNG plots and one self-contained HTML page.

``sorot evaluate --report DIR`` writes ``entity_f1.png``, ``label_f1.png``,
``label_confusion.png``, ``primary_confusion.png``, ``calibration.png`` and
``index.html``. The page embeds
the same images as data URIs and its own CSS: no CDN, no script, it opens offline.
"""

from __future__ import annotations

import base64
import html
from pathlib import Path

from sorot.models.schema import ARTICLE_LABELS, ENTITY_TYPES, PRIMARY_OTHER, PRIMARY_VALUES


def _plt():
    import matplotlib

    matplotlib.use("Agg")  # files only, no display
    import matplotlib.pyplot as plt

    return plt


def _bars(path: Path, rows: dict[str, dict], title: str) -> None:
    plt = _plt()
    fig, ax = plt.subplots(figsize=(6, 3.2))
    names, width = list(rows), 0.27
    for k, metric in enumerate(("precision", "recall", "f1")):
        ax.bar([i + (k - 1) * width for i in range(len(names))], [rows[n][metric] for n in names],
               width, label=metric)
    ax.set_xticks(range(len(names)), names)
    ax.set_ylim(0, 1.2)
    ax.set_yticks([0, 0.2, 0.4, 0.6, 0.8, 1.0])
    ax.set_title(title)
    ax.legend(loc="upper center", ncol=3, fontsize=8, frameon=False)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def count_colour(n: int, matrix: list[list[int]]) -> str:
    """White on the dark half of the "Blues" scale, black on the light half.

    >>> count_colour(9, [[9, 1], [0, 2]]), count_colour(1, [[9, 1], [0, 2]])
    ('white', 'black')
    """
    top = max(max(row) for row in matrix) or 1
    return "white" if n > top / 2 else "black"


def _confusion(path: Path, gold: dict, pred: dict) -> None:
    plt = _plt()
    idx = {v: i for i, v in enumerate(PRIMARY_VALUES)}
    matrix = [[0] * len(PRIMARY_VALUES) for _ in PRIMARY_VALUES]
    for rid, g in gold.items():
        matrix[idx[g["primary"]]][idx[pred.get(rid, {}).get("primary", PRIMARY_OTHER)]] += 1
    fig, ax = plt.subplots(figsize=(4.6, 4))
    ax.imshow(matrix, cmap="Blues")
    for i, row in enumerate(matrix):
        for j, n in enumerate(row):
            ax.text(j, i, str(n), ha="center", va="center", color=count_colour(n, matrix))
    ax.set_xticks(range(len(idx)), PRIMARY_VALUES, rotation=30, ha="right")
    ax.set_yticks(range(len(idx)), PRIMARY_VALUES)
    ax.set_xlabel("predicted primary")
    ax.set_ylabel("gold primary")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def label_confusion(gold: dict, pred: dict) -> dict[str, list[list[int]]]:
    """Per article label, ``[[TN, FP], [FN, TP]]`` (rows gold no/yes, columns predicted no/yes).

    >>> label_confusion({"a": {"labels": ["gaza"]}}, {"a": {"labels": []}})["gaza"]
    [[0, 0], [1, 0]]
    """
    out = {}
    for label in ARTICLE_LABELS:
        m = [[0, 0], [0, 0]]
        for rid, g in gold.items():
            m[int(label in g["labels"])][int(label in pred.get(rid, {}).get("labels", []))] += 1
        out[label] = m
    return out


def _label_confusion_plot(path: Path, gold: dict, pred: dict) -> None:
    plt = _plt()
    fig, axes = plt.subplots(1, len(ARTICLE_LABELS), figsize=(9, 3))
    for ax, (label, m) in zip(axes, label_confusion(gold, pred).items()):
        ax.imshow(m, cmap="Blues")
        for i in range(2):
            for j in range(2):
                ax.text(j, i, str(m[i][j]), ha="center", va="center", color=count_colour(m[i][j], m))
        ax.set_title(label)
        ax.set_xticks([0, 1], ["no", "yes"])
        ax.set_yticks([0, 1], ["no", "yes"])
        ax.set_xlabel("predicted")
    axes[0].set_ylabel("gold")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def calibration_bins(gold: dict, pred: dict, bins: int = 5) -> list[tuple[float, float, int]]:
    """``(mean predicted probability, observed frequency, count)`` per probability bin.

    >>> g = {"a": {"labels": ["gaza"]}, "b": {"labels": []}}
    >>> p = {"a": {"scores": {"gaza": 0.9, "israel_iran": 0.1, "russia_ukraine": 0.1}},
    ...      "b": {"scores": {"gaza": 0.8, "israel_iran": 0.1, "russia_ukraine": 0.1}}}
    >>> calibration_bins(g, p, bins=2)
    [(0.1, 0.0, 4), (0.85, 0.5, 2)]
    """
    groups: list[list[tuple[float, int]]] = [[] for _ in range(bins)]
    for rid, g in gold.items():
        for label, prob in pred.get(rid, {}).get("scores", {}).items():
            groups[min(int(prob * bins), bins - 1)].append((prob, int(label in g["labels"])))
    return [(round(sum(p for p, _ in grp) / len(grp), 4), round(sum(y for _, y in grp) / len(grp), 4),
             len(grp)) for grp in groups if grp]


def _calibration(path: Path, gold: dict, pred: dict) -> None:
    plt = _plt()
    points = calibration_bins(gold, pred)
    fig, ax = plt.subplots(figsize=(4, 4))
    ax.plot([0, 1], [0, 1], "--", color="grey", label="perfect")
    if points:
        ax.plot([p for p, _, _ in points], [f for _, f, _ in points], "o-", label="sorot")
    ax.set_xlabel("predicted probability")
    ax.set_ylabel("observed frequency")
    ax.set_title("Article label calibration")
    ax.legend(loc="upper left", fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def worst_errors(gold: dict, pred: dict, n: int = 10) -> list[tuple[str, int, set, set]]:
    """Articles with the most entity and label errors: ``(id, errors, missed, spurious)``."""
    rows = []
    for rid, g in gold.items():
        p = pred.get(rid, {"entities": [], "labels": []})
        gs = {(e["start"], e["end"], e["label"]) for e in g["entities"]}
        ps = {(e["start"], e["end"], e["label"]) for e in p["entities"]}
        label_errors = len(set(g["labels"]) ^ set(p["labels"]))
        rows.append((rid, len(gs ^ ps) + label_errors, gs - ps, ps - gs))
    return sorted(rows, key=lambda r: (-r[1], r[0]))[:n]


def highlight(text: str, missed: set, spurious: set) -> str:
    """HTML of ``text`` with missed gold spans and spurious predicted spans marked.

    Overlapping marks are all drawn: the text is cut at every mark's ends and each piece
    carries the classes of the marks over it, so a missed gold span stays visible (red
    underline) under a spurious prediction that overlaps it.

    >>> highlight("Presiden Vladimir Putin", {(9, 23, "LEADER")}, {(0, 17, "OFFICIAL")})
    '<mark class="spurious" title="spurious OFFICIAL">Presiden </mark><mark class="missed spurious" \
title="missed LEADER; spurious OFFICIAL">Vladimir<sub>OFFICIAL</sub></mark><mark class="missed" \
title="missed LEADER"> Putin<sub>LEADER</sub></mark>'
    """
    marks = [(s, e, lbl, "missed") for s, e, lbl in missed] + [(s, e, lbl, "spurious") for s, e, lbl in spurious]
    cuts = sorted({0, len(text), *(s for s, *_ in marks), *(e for _, e, *_ in marks)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        over = sorted((kind, lbl, e) for s, e, lbl, kind in marks if s <= a and b <= e)
        piece = html.escape(text[a:b])
        if not over:
            out.append(piece)
            continue
        ends = "".join(f"<sub>{lbl}</sub>" for _, lbl, e in over if e == b)  # a label where its span ends
        kinds = " ".join(sorted({kind for kind, _, _ in over}))
        title = "; ".join(f"{kind} {lbl}" for kind, lbl, _ in over)
        out.append(f'<mark class="{kinds}" title="{title}">{piece}{ends}</mark>')
    return "".join(out)


_CSS = """body{font-family:system-ui,sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}
th:first-child,td:first-child{text-align:left}img{max-width:100%;margin:.5em 0}
mark.missed{background:#ffd6d6;border-bottom:2px solid #c00}mark.spurious{background:#d6e4ff}
sub{font-size:.6em;color:#555}
.article{white-space:pre-wrap;border:1px solid #ddd;padding:.6em;font-size:.9em;max-height:18em;overflow:auto}"""


def _table(rows: dict[str, dict], first: str) -> str:
    head = f"<tr><th>{first}</th><th>precision</th><th>recall</th><th>F1</th><th>support</th></tr>"
    body = "".join(f"<tr><td>{html.escape(k)}</td><td>{r['precision']:.3f}</td><td>{r['recall']:.3f}</td>"
                   f"<td>{r['f1']:.3f}</td><td>{r.get('support', '')}</td></tr>" for k, r in rows.items())
    return f"<table>{head}{body}</table>"


def _img(path: Path, alt: str) -> str:
    data = base64.b64encode(path.read_bytes()).decode()
    return f'<img src="data:image/png;base64,{data}" alt="{html.escape(alt)}">'


def write_report(gold: dict, pred: dict, report: dict, out_dir: str | Path, title: str = "") -> Path:
    """Plots as PNG and a self-contained ``index.html`` in ``out_dir``; returns the page."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    ents = {t: report["entities"][t] for t in (*ENTITY_TYPES, "micro")}
    arts = {**report["articles"]["per_label"], "micro": report["articles"]["micro"]}
    _bars(out / "entity_f1.png", ents, "Entities (strict)")
    _bars(out / "label_f1.png", {k: arts[k] for k in (*ARTICLE_LABELS, "micro")}, "Article labels")
    _label_confusion_plot(out / "label_confusion.png", gold, pred)
    _confusion(out / "primary_confusion.png", gold, pred)
    _calibration(out / "calibration.png", gold, pred)
    errors = "".join(
        f"<h3>{html.escape(rid)}: {n} errors</h3><div class='article'>"
        f"{highlight(gold[rid]['text'], missed, spurious)}</div>"
        for rid, n, missed, spurious in worst_errors(gold, pred) if n)
    page = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>sorot evaluation {html.escape(title)}</title><style>{_CSS}</style></head><body>
<h1>sorot evaluation</h1><p>{html.escape(title)} — {report['n_articles']} articles,
primary accuracy {report['primary_accuracy']:.3f}</p>
<h2>Entities</h2>{_table(ents, "type")}{_img(out / "entity_f1.png", "entity F1")}
<h2>Article labels</h2>{_table(arts, "label")}{_img(out / "label_f1.png", "label F1")}
{_img(out / "label_confusion.png", "article label confusion matrices")}
<h2>Primary conflict</h2>{_img(out / "primary_confusion.png", "primary confusion matrix")}
<h2>Calibration</h2>{_img(out / "calibration.png", "calibration of label probabilities")}
<h2>Worst errors</h2><p><mark class="missed">missed gold span</mark>
<mark class="spurious">spurious predicted span</mark></p>{errors or "<p>No errors.</p>"}
</body></html>
"""
    (out / "index.html").write_text(page, encoding="utf-8")
    return out / "index.html"
