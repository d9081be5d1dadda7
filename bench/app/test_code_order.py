"""Tests of code_order.py on a small map and profile in the tools' formats."""

import os
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import code_order  # noqa: E402

# An LLD map (`-Map`): output sections, input sections, symbols.
MAP = """\
             VMA              LMA     Size Align Out     In      Symbol
          1a9000           1a9000       40    16 .rodata
          1a9000           1a9000       40    16         /t/a.o:(.rodata.TABLE)
          1a9000           1a9000       40     1                 TABLE
            2000             2000      400    64 .text
            2000             2000       22    16         /t/Scrt1.o:(.text)
            2000             2000       22     1                 _start
            2040             2040      100    16         /t/a.o:(.text._ZN4main4idle17h0000000000000001E)
            2040             2040      100     1                 main::idle
            2140             2140       80    16         /t/a.o:(.text.unlikely._ZN4main4cold17h0000000000000002E)
            2140             2140       80     1                 main::cold
            21c0             21c0       60    16         /t/s.o:(.text.sqlite3Insert)
            21c0             21c0       60     1                 sqlite3Insert
            2220             2220       90    16         /t/a.o:(.text._ZN4main4read17h0000000000000003E)
            2220             2220       90     1                 main::read
            22b0             22b0       50    16         /t/a.o:(.text._ZN4main5never17h0000000000000004E)
            22b0             22b0       50     1                 main::never
            2400             2400       10     8 .data
"""


def profile(binary, lines):
    """A callgrind output (`--dump-instr=yes`, uncompressed) of `binary`."""
    return "\n".join(["version: 1", "positions: instr line", "events: Ir", *lines, ""]).replace("BIN", binary)


class CodeOrderTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.binary = os.path.join(self.dir.name, "byline")
        open(self.binary, "w").close()
        self.map = self.write("byline.map", MAP)

    def tearDown(self):
        self.dir.cleanup()

    def write(self, name, text):
        path = os.path.join(self.dir.name, name)
        with open(path, "w") as file:
            file.write(text)
        return path

    def test_text_sections_are_the_functions_of_text_only(self):
        sections = code_order.text_sections(self.map)
        self.assertEqual(
            [symbol for _, _, symbol in sections],
            [
                "_ZN4main4idle17h0000000000000001E",
                "_ZN4main4cold17h0000000000000002E",
                "sqlite3Insert",
                "_ZN4main4read17h0000000000000003E",
                "_ZN4main5never17h0000000000000004E",
            ],
        )

    def test_order_is_the_first_profile_then_what_only_later_ones_ran(self):
        idle = self.write(
            "idle.callgrind",
            profile(
                self.binary,
                [
                    "ob=/usr/lib/libc.so.6",
                    "fn=0x0000000000002220",  # another object's code at the same address
                    "0x0000000000002220 4",
                    "ob=BIN",
                    "fn=sqlite3Insert",  # a symbol callgrind knew
                    "0x00000000000021c0 3",
                    "fn=0x0000000000002040",
                    "0x0000000000002040 2",
                    "0x0000000000002150 1",  # main::cold, reached by a jump: callgrind counts it as main::idle
                ],
            ),
        )
        session = self.write(
            "session.callgrind",
            profile(
                self.binary,
                ["ob=BIN", "fn=0x0000000000002220", "0x0000000000002230 9", "fn=0x0000000000002040", "0x0000000000002040 2"],
            ),
        )
        result = subprocess.run(
            [sys.executable, code_order.__file__, self.binary, self.map, idle, session],
            capture_output=True,
            text=True,
            check=True,
        )
        self.assertEqual(
            result.stdout.split(),
            [
                "_ZN4main4idle17h0000000000000001E",
                "_ZN4main4cold17h0000000000000002E",
                "sqlite3Insert",
                "_ZN4main4read17h0000000000000003E",
            ],
        )


if __name__ == "__main__":
    unittest.main()
