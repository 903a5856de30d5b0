"""What the output checkers share."""
import re


def blocks_in_order(blocks, text, norm, types=None):
    """Errors for the blocks (of the given types; all if None) whose text,
    normalised with norm, is not found in text after the previous one.
    text is already normalised.  A list item is looked for without its
    marker, which the output renders on its own."""
    errors, pos = [], 0
    for b in blocks:
        if types and b["type"] not in types:
            continue
        want = b["text"]
        if b["type"] == "list_item":
            want = re.sub(r"^(\S{1,4}\s)", "", want)
        n = norm(want)
        at = text.find(n, pos)
        if at < 0:
            errors.append("missing or out of order (line %d): %s" % (b["line"], b["text"][:60]))
        else:
            pos = at + len(n)
    return errors
