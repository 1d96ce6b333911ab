#!/usr/bin/env python3
"""The shared library exports exactly the functions claims.h declares with
CLAIMS_API: nothing internal leaks, nothing declared is missing."""
import re
import subprocess
import sys

header, library = sys.argv[1], sys.argv[2]
text = open(header, encoding="utf-8").read()
declared = set(re.findall(r"CLAIMS_API[^;(]*?\b(claims_\w+)\s*\(", text, re.S))
out = subprocess.run(["nm", "-D", "--defined-only", library],
                     capture_output=True, text=True, check=True).stdout
exported = {line.split()[-1] for line in out.splitlines()
            if len(line.split()) == 3 and line.split()[1] in "TDRB"}
exported = {s.split("@")[0] for s in exported}
missing = sorted(declared - exported)
extra = sorted(exported - declared)
for name in missing:
    print(f"declared in claims.h but not exported: {name}")
for name in extra:
    print(f"exported but not declared in claims.h: {name}")
print(f"exports: {len(declared)} declared, {len(exported)} exported")
sys.exit(1 if missing or extra else 0)
