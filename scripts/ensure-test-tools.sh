#!/usr/bin/env bash
# What `npm test` needs beside node_modules, installed from Debian's packages when missing:
# chromium drives the browser tests (playwright cannot download browsers here), xmllint validates
# e-invoices (UBL 2.1) against the schema; haproxy fronts three server instances in the cluster failover test.
set -euo pipefail
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v xmllint >/dev/null 2>&1 || missing="$missing libxml2-utils"
command -v haproxy >/dev/null 2>&1 || missing="$missing haproxy"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != "0" ]; then
  echo "npm test needs these Debian packages:$missing. Install them with: sudo apt-get install -y$missing" >&2
  exit 1
fi
echo "Installing test tools from Debian's packages:$missing"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
