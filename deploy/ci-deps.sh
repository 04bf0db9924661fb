#!/usr/bin/env bash
# Installs the Debian packages the deploy module's tests and the app's browser test need (idempotent:
# apt-get update runs at most once, and only when something is missing). Called by .ci/run before
# `./mvnw -pl deploy verify`.
#   promtool   from prometheus      (promtool check rules)
#   lua5.4     from lua5.4          (Fluent-bit index-name filter)
#   the shellcheck linter from shellcheck    (every *.sh we own)
#   openssl    from openssl         (cert script against a throwaway CA)
#   chromium   from chromium        (app VisualizerBrowserIT: the web UI in headless Chromium)
#   chromedriver from chromium-driver (WebDriver for that Chromium; Selenium Manager never downloads one)
set -euo pipefail

declare -A PACKAGE_FOR=(
  [promtool]=prometheus
  [lua5.4]=lua5.4
  [shellcheck]=shellcheck
  [openssl]=openssl
  [chromium]=chromium
  [chromedriver]=chromium-driver
)

missing=()
for tool in "${!PACKAGE_FOR[@]}"; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    missing+=("${PACKAGE_FOR[$tool]}")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "ci-deps: all tools present (promtool lua5.4 shellcheck openssl chromium chromedriver)"
  exit 0
fi

SUDO=""
if [[ "$(id -u)" -ne 0 ]]; then
  SUDO="sudo"
fi
echo "ci-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
# The prometheus package ships a systemd unit; the tests need only the promtool binary.
if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet prometheus 2>/dev/null; then
  $SUDO systemctl disable --now prometheus >/dev/null 2>&1 || true
fi
