"""The Info.plist additions of the macOS app (used by packaging/jcm_pdd.spec's BUNDLE).

Document types: the app is the editor of projects (.jcmpdd) and review files (.jcmreview) and
the viewer of validation packages (.jcmpkg, opened read-only). Each type is exported as a UTI
(org.jcmpdd.*) conforming to zip or JSON, so Finder shows the icon and "Open with" offers the
app; a double-clicked file reaches the running app as a file-open event.
"""

from __future__ import annotations

from typing import Any

TYPES = [
    # (UTI, extension, description, conforms to, role, MIME type)
    ("org.jcmpdd.project", "jcmpdd", "JCM PDD project", "public.zip-archive", "Editor",
     "application/vnd.jcm-pdd+zip"),
    ("org.jcmpdd.package", "jcmpkg", "JCM validation package", "public.zip-archive", "Viewer",
     "application/vnd.jcm-pdd.package+zip"),
    ("org.jcmpdd.review", "jcmreview", "JCM validation review", "public.json", "Editor",
     "application/vnd.jcm-pdd.review+json"),
]  # fmt: skip


def info_plist(version: str) -> dict[str, Any]:
    return {
        "CFBundleName": "JCM PDD Studio",
        "CFBundleDisplayName": "JCM PDD Studio",
        "CFBundleShortVersionString": version,
        "CFBundleVersion": version,
        "LSMinimumSystemVersion": "12.0",  # Qt 6.12's floor
        "NSHighResolutionCapable": True,
        "NSRequiresAquaSystemAppearance": False,  # follows dark mode (the app's palette does)
        "LSApplicationCategoryType": "public.app-category.productivity",
        "CFBundleDevelopmentRegion": "en",
        "CFBundleLocalizations": ["en", "ja"],
        "CFBundleDocumentTypes": [
            {
                "CFBundleTypeName": description,
                "CFBundleTypeRole": role,
                "LSHandlerRank": "Owner",
                "LSItemContentTypes": [uti],
                "CFBundleTypeIconFile": "jcm-pdd.icns",
            }
            for uti, _ext, description, _conforms, role, _mime in TYPES
        ],
        "UTExportedTypeDeclarations": [
            {
                "UTTypeIdentifier": uti,
                "UTTypeDescription": description,
                "UTTypeConformsTo": [conforms, "public.data"],
                "UTTypeIconFile": "jcm-pdd.icns",
                "UTTypeTagSpecification": {
                    "public.filename-extension": [ext],
                    "public.mime-type": [mime],
                },
            }
            for uti, ext, description, conforms, _role, mime in TYPES
        ],
    }
