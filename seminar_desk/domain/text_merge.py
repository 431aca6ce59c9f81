"""Two versions of one note made into one ("Keep both"), line by line.

Used for every note conflict: a bundle's version against this file's, and a save made
meanwhile on the server against the text on screen. Lines both versions have are kept once;
where they differ, both sides' lines are kept in order, each marked in plain text with where
it came from ("[Laptop B] ..."), so the rapporteur sees what to tidy and nothing is lost.

With the common ancestor (`base`, the text both versions were typed on) it is a three-way
merge: a change made on one side only is taken as it is, without marks; only lines changed
differently on both sides are marked. Without it, every line that is not in both is marked.
"""

from difflib import SequenceMatcher


def merge_texts(
    mine: str, theirs: str, mine_label: str, theirs_label: str, base: str | None = None
) -> str:
    """One text holding every line of both versions, shared lines once (see the module)."""
    a, b = _lines(mine), _lines(theirs)
    if base is None:
        merged = _two_way(a, b, mine_label, theirs_label)
    else:
        merged = _three_way(_lines(base), a, b, mine_label, theirs_label)
    return "\n".join(merged)


def marker(author: str | None, place: str) -> str:
    """What marks a version's lines: who typed it and where ("Ana, laptop-b.sqlite")."""
    return f"{author}, {place}" if author else place


def _lines(text: str) -> list[str]:
    lines = [line.rstrip() for line in text.splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _marked(lines: list[str], label: str) -> list[str]:
    return [f"[{label}] {line}" if line else line for line in lines]


def _two_way(a: list[str], b: list[str], a_label: str, b_label: str) -> list[str]:
    out: list[str] = []
    for op, a0, a1, b0, b1 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out += a[a0:a1]
        else:  # differs: both sides' lines, this side's first
            out += _marked(a[a0:a1], a_label) + _marked(b[b0:b1], b_label)
    return out


def _matched(base: list[str], other: list[str]) -> dict[int, int]:
    """Which line of `other` each unchanged line of `base` is (in order)."""
    blocks = SequenceMatcher(None, base, other, autojunk=False).get_matching_blocks()
    return {block.a + k: block.b + k for block in blocks for k in range(block.size)}


def _three_way(
    base: list[str], a: list[str], b: list[str], a_label: str, b_label: str
) -> list[str]:
    """diff3: the base lines both sides kept split the texts into chunks; a chunk changed on
    one side only takes that side, one changed on both is merged two-way."""
    in_a, in_b = _matched(base, a), _matched(base, b)
    stable = [(i, in_a[i], in_b[i]) for i in range(len(base)) if i in in_a and i in in_b]
    out: list[str] = []
    i = j = k = 0
    for si, sj, sk in [*stable, (len(base), len(a), len(b))]:
        old, ours, other = base[i:si], a[j:sj], b[k:sk]
        if ours in (old, other):
            out += other
        elif other == old:
            out += ours
        else:
            out += _two_way(ours, other, a_label, b_label)
        if si < len(base):
            out.append(base[si])
        i, j, k = si + 1, sj + 1, sk + 1
    return out
