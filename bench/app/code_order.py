#!/usr/bin/env python3
"""Writes the app's code order (src-tauri/code-order.txt) from profiles.

Usage: code_order.py BINARY MAP FIRST.callgrind [LATER.callgrind ...] > code-order.txt

BINARY is the release build the profiles ran, MAP the linker's map of that
very build (`BYLINE_LINK_MAP`, see src-tauri/build.rs), and each profile a
callgrind output (`--dump-instr=yes --compress-strings=no
--compress-pos=no`) of a session of it. Every
function of BINARY a profile saw run is printed once, by the symbol its
section is named after: first those of the first profile (the start and
the idle window), then those only a later profile ran (reading, syncing),
each group in the order the functions had in BINARY, so code that sat
together stays together. The linker (`--symbol-ordering-file`) puts them
first in `.text`, in that order.
"""

import bisect
import os
import re
import sys

# A map line: VMA, LMA, size, alignment, then the name, indented by depth
# (output section, input section, symbol).
MAP_LINE = re.compile(r"\s*([0-9a-f]+)\s+[0-9a-f]+\s+([0-9a-f]+)\s+\d+\s+(.*)$")
# An input section of a function, `FILE:(.text.SYMBOL)` (with
# -ffunction-sections, as rustc and the cc crate build), and its symbol.
FUNCTION_SECTION = re.compile(r":\(\.text\.(?:unlikely\.|startup\.|hot\.|exit\.)?([^)]+)\)$")
# A callgrind name: an address (stripped code), or a symbol.
ADDRESS = re.compile(r"0x([0-9a-fA-F]+)")


def text_sections(map_path):
    """(start, size, symbol) of each function section in `.text`, by start."""
    sections = []
    output = None
    output_column = None
    for line in open(map_path, errors="replace"):
        match = MAP_LINE.match(line)
        if not match:
            continue
        column = match.start(3)
        if output_column is None or column <= output_column:
            output, output_column = match.group(3).strip(), column
            continue
        if output != ".text":
            continue
        function = FUNCTION_SECTION.search(match.group(3))
        size = int(match.group(2), 16)
        if function and size:
            sections.append((int(match.group(1), 16), size, function.group(1)))
    sections.sort()
    return sections


def functions_run(profile_path, binary):
    """The addresses of BINARY's instructions a profile ran, and the symbols
    of the functions it named (callgrind names stripped code by address, and
    counts code reached by a jump, a tail call, as its caller's: hence the
    instructions, `--dump-instr=yes`)."""
    names = set()
    # Whether the current object (`ob=`), the next call's (`cob=`, for one
    # `cfn=` only) and the current function's are BINARY: each decided once
    # per line that names it.
    object_is_binary = False
    callee_is_binary = None
    in_binary = False
    for line in open(profile_path, errors="replace"):
        if line.startswith("ob="):
            object_is_binary = os.path.realpath(line[3:].strip()) == binary
        elif line.startswith("cob="):
            callee_is_binary = os.path.realpath(line[4:].strip()) == binary
        elif line.startswith("fn="):
            in_binary = object_is_binary
            if in_binary:
                names.add(line[3:].strip())
        elif line.startswith("cfn="):
            callee_in_binary = object_is_binary if callee_is_binary is None else callee_is_binary
            if callee_in_binary:
                names.add(line[4:].strip())
            callee_is_binary = None
        elif in_binary and line.startswith("0x"):
            names.add(line.split(None, 1)[0])
    return names


def sections_of(names, sections, by_symbol):
    """Indexes into `sections` of the functions `names` name."""
    starts = [start for start, _, _ in sections]
    found = set()
    for name in names:
        address = ADDRESS.match(name)
        if address:
            at = int(address.group(1), 16)
            index = bisect.bisect_right(starts, at) - 1
            if index >= 0 and at < sections[index][0] + sections[index][1]:
                found.add(index)
        elif name in by_symbol:
            found.add(by_symbol[name])
    return found


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    binary = os.path.realpath(sys.argv[1])
    sections = text_sections(sys.argv[2])
    by_symbol = {symbol: index for index, (_, _, symbol) in enumerate(sections)}
    placed = set()
    for profile in sys.argv[3:]:
        group = sections_of(functions_run(profile, binary), sections, by_symbol) - placed
        size = sum(sections[index][1] for index in group)
        print(f"{profile}: {len(group)} functions, {size} bytes", file=sys.stderr)
        for index in sorted(group):
            print(sections[index][2])
        placed |= group


if __name__ == "__main__":
    main()
