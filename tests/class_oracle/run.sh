#!/bin/sh
# Runs the class-model oracle (oracle.py); exits 77 (ctest SKIP_RETURN_CODE) without python3.
command -v python3 >/dev/null 2>&1 || { echo "[class oracle] python3 not found: skipped"; exit 77; }
exec python3 "$(dirname "$0")/oracle.py" "$@"
