#!/usr/bin/env python3
"""Latin words in scanned Thai pages: how many of a document's Latin words (ITA, IIT, web
addresses, English in brackets) the OCR output holds, against the same document's text layer.

  bench/latin_words.py REFERENCE.txt READING.txt [...pairs]

Each file is the output of `ita-extract tool tables` (text-layer version as the reference, the
scan as the reading). Latin words are runs of two or more ASCII letters; the multisets are
compared: recall = found / in the reference, precision = correct / all Latin words read.
"""
import collections
import re
import sys

WORD = re.compile(r"[A-Za-z]{2,}")


def words(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return collections.Counter(WORD.findall(f.read()))


def main(argv):
    pairs = list(zip(argv[0::2], argv[1::2]))
    total_ref = total_read = total_hit = 0
    for ref_path, read_path in pairs:
        ref, read = words(ref_path), words(read_path)
        hit = sum((ref & read).values())
        n_ref, n_read = sum(ref.values()), sum(read.values())
        total_ref += n_ref
        total_read += n_read
        total_hit += hit
        print(f"{read_path}: reference {n_ref}, read {n_read}, correct {hit}")
    recall = total_hit / total_ref if total_ref else 1.0
    precision = total_hit / total_read if total_read else 1.0
    print(f"ALL: recall {recall:.3f} ({total_hit}/{total_ref}), precision {precision:.3f} ({total_hit}/{total_read})")


if __name__ == "__main__":
    main(sys.argv[1:])
