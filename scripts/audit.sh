#!/usr/bin/env bash
# `npm audit --omit=dev`, strict when the registry answers; this workplace's registry mirror
# answers the audit endpoint with 405, which is reported as a warning, not as a pass.
set -uo pipefail
out=$(npm audit --omit=dev --json 2>/dev/null)
total=$(printf '%s' "$out" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{const j=JSON.parse(s);const v=j.metadata&&j.metadata.vulnerabilities;console.log(v?v.total:"unavailable")}catch{console.log("unavailable")}})')
if [ "$total" = "unavailable" ]; then
  echo "WARNING: npm audit endpoint unavailable here; run 'npm audit --omit=dev' where the registry supports it."
  exit 0
fi
echo "npm audit --omit=dev: $total vulnerabilities"
[ "$total" = "0" ]
