#!/usr/bin/env bash
# Render the results page of `alvrules uitslag --format html` in headless Chromium to a PNG,
# for a review by eye (layout, contrast, bars next to their numbers). Not run by CI.
#
#   scripts/uitslag-png.sh DOSSIER|PAGINA.html [UIT.png] [--lang en] [--breedte 1280] [--hoogte 2400]
#
# DOSSIER is passed to `alvrules uitslag --format html`; an .html file is used as is.
# Needs Debian's chromium: `apt-get update && apt-get install -y chromium`.
# A narrow --breedte (e.g. 390) shows the phone layout (the page sets a viewport).
set -euo pipefail

invoer=${1:?gebruik: scripts/uitslag-png.sh DOSSIER|PAGINA.html [UIT.png] [--lang en]}
shift
uit=uitslag.png
if [[ $# -gt 0 && $1 != --* ]]; then uit=$1; shift; fi
taal=nl breedte=1280 hoogte=2400
while [[ $# -gt 0 ]]; do
  case $1 in
    --lang) taal=$2; shift 2 ;;
    --breedte) breedte=$2; shift 2 ;;
    --hoogte) hoogte=$2; shift 2 ;;
    *) echo "onbekende optie $1" >&2; exit 2 ;;
  esac
done

browser=$(command -v chromium || command -v chromium-browser || true)
[[ -n $browser ]] || { echo "chromium ontbreekt: apt-get install -y chromium" >&2; exit 2; }

werk=$(mktemp -d)
trap 'rm -rf "$werk"' EXIT
if [[ $invoer == *.html ]]; then
  cp "$invoer" "$werk/pagina.html"
else
  # exit 1 (findings in the dossier) still renders a page
  python -m alvrules uitslag "$invoer" --format html --lang "$taal" >"$werk/pagina.html" || [[ $? -eq 1 ]]
fi
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
  --window-size="$breedte,$hoogte" --screenshot="$(realpath -m "$uit")" \
  "file://$werk/pagina.html" 2>/dev/null
echo "$uit"
