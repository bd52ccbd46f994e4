#!/usr/bin/env bash
# Sign the app (hardened runtime), then sign, notarise and staple the DMG, so it opens offline
# without a Gatekeeper warning. Run by the release workflow only on a release tag where the
# secrets exist:
#   MACOS_CERTIFICATE (base64 .p12), MACOS_CERTIFICATE_PASSWORD, MACOS_SIGNING_IDENTITY
#   ("Developer ID Application: …"), APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD
#   packaging/macos/sign_and_notarize.sh APP DMG_OUT DIST_DIR
set -euo pipefail
app=$1 dmg=$2 dist=$3
here=$(cd "$(dirname "$0")" && pwd)
keychain="$RUNNER_TEMP/signing.keychain-db"
security create-keychain -p "" "$keychain"
security set-keychain-settings -lut 3600 "$keychain"
security unlock-keychain -p "" "$keychain"
echo "$MACOS_CERTIFICATE" | base64 --decode > "$RUNNER_TEMP/cert.p12"
security import "$RUNNER_TEMP/cert.p12" -k "$keychain" -P "$MACOS_CERTIFICATE_PASSWORD" -T /usr/bin/codesign
security set-key-partition-list -S apple-tool:,apple: -s -k "" "$keychain" >/dev/null
security list-keychains -d user -s "$keychain" $(security list-keychains -d user | tr -d '"')
codesign --force --deep --timestamp --options runtime \
  --entitlements "$here/entitlements.plist" --sign "$MACOS_SIGNING_IDENTITY" "$app"
codesign --verify --deep --strict --verbose=2 "$app"
"$here/make_dmg.sh" "$dist" "$dmg"
codesign --force --timestamp --sign "$MACOS_SIGNING_IDENTITY" "$dmg"
xcrun notarytool submit "$dmg" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
  --password "$APPLE_APP_PASSWORD" --wait
xcrun stapler staple "$dmg"
xcrun stapler validate "$dmg"
