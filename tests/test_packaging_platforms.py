"""The Windows and macOS packaging and the release workflow, held to what the Linux build proves.

They run only on the release workflow's hosted runners (not on this CI), so here they are read,
not run: the Inno Setup script and the macOS Info.plist declare the same three file types as the
Linux MIME file (extensions, MIME types, an icon, an Open command); the icons they name are the
ones ``make_icons.py`` renders; the PyInstaller spec's Windows, macOS and Linux branches are
executed against stand-ins for PyInstaller's build classes; and the workflow parses, builds Linux
on an older glibc base, and names only files that exist.
"""

from __future__ import annotations

import os
import plistlib
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from jcm_pdd.cli import OPENABLE_SUFFIXES

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"
APP_ID = "org.jcmpdd.PddStudio"
NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
sys.path.insert(0, str(PACKAGING / "macos"))
from info_plist import info_plist  # noqa: E402


def linux_types() -> dict[str, str]:
    """Extension (no dot) -> MIME type, from the Linux shared-mime-info file."""
    root = ET.parse(PACKAGING / "linux" / f"{APP_ID}.xml").getroot()
    found = {}
    for mime in root.findall("m:mime-type", NS):
        for glob in mime.findall("m:glob", NS):
            found[glob.attrib["pattern"].removeprefix("*.")] = mime.attrib["type"]
    return found


def test_the_three_file_types_are_the_ones_the_command_line_opens() -> None:
    assert sorted(f".{ext}" for ext in linux_types()) == sorted(OPENABLE_SUFFIXES)


def _inno() -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """(#define values, {(registry subkey, value name): value data}) of the Inno Setup script."""
    text = (PACKAGING / "windows" / "jcm-pdd.iss").read_text(encoding="utf-8")
    defines = dict(re.findall(r'#define (\w+) "([^"]*)"', text))
    registry: dict[tuple[str, str], str] = {}
    for line in text.splitlines():
        if line.startswith("Root: HKA;"):
            fields = dict(re.findall(r'(\w+): ("(?:[^"]|"")*"|[^;]*)', line))
            value = {k: v.strip().removeprefix('"').removesuffix('"') for k, v in fields.items()}
            key = (value["Subkey"], value["ValueName"])
            registry[key] = value["ValueData"].replace('""', '"')
    return defines, registry


def test_inno_setup_registers_the_linux_types_with_an_icon_and_an_open_command() -> None:
    defines, registry = _inno()
    text = (PACKAGING / "windows" / "jcm-pdd.iss").read_text(encoding="utf-8")
    assert "PrivilegesRequired=lowest" in text  # per user, no administrator rights
    assert "PrivilegesRequiredOverridesAllowed=dialog commandline" in text  # all users optional
    assert "ChangesAssociations=yes" in text
    assert not re.search(r"Download|idp\.iss|\[Code\]", text)  # nothing fetched at install
    app_exe = defines["AppExe"]
    registered = {}
    for ext in linux_types():
        classes = rf"Software\Classes\.{ext}"
        prog_id = registry[(classes, "")]
        registered[ext] = registry[(classes, "Content Type")]
        assert registry[(rf"Software\Classes\{prog_id}\DefaultIcon", "")] == r"{app}\jcm-pdd.ico,0"
        command = registry[(rf"Software\Classes\{prog_id}\shell\open\command", "")]
        assert command == r'"{app}\{#AppExe}" "%1"', command
        assert registry[(rf"Software\Classes\{prog_id}", "")]  # a name Explorer shows
    assert registered == linux_types()
    assert app_exe == "JCM PDD Studio.exe"  # the spec's windowed executable (next tests)


def test_info_plist_declares_the_linux_types_with_their_roles() -> None:
    plist = info_plist("1.2.3")
    plistlib.loads(plistlib.dumps(plist))  # a valid property list
    exported = {
        t["UTTypeTagSpecification"]["public.filename-extension"][0]: t
        for t in plist["UTExportedTypeDeclarations"]
    }
    mimes = {ext: t["UTTypeTagSpecification"]["public.mime-type"][0] for ext, t in exported.items()}
    assert mimes == linux_types()
    role_of = {
        d["LSItemContentTypes"][0]: d["CFBundleTypeRole"] for d in plist["CFBundleDocumentTypes"]
    }
    roles = {ext: role_of[t["UTTypeIdentifier"]] for ext, t in exported.items()}
    assert roles == {"jcmpdd": "Editor", "jcmreview": "Editor", "jcmpkg": "Viewer"}
    icons = {d["CFBundleTypeIconFile"] for d in plist["CFBundleDocumentTypes"]}
    assert icons == {t["UTTypeIconFile"] for t in exported.values()} == {"jcm-pdd.icns"}


class _Built:
    """A stand-in for one of PyInstaller's build classes: records how the spec called it."""

    calls: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = []

    def __init__(self, kind: str, *args: Any, **kwargs: Any) -> None:
        self.kind, self.args, self.kwargs = kind, args, kwargs
        _Built.calls.append((kind, args, kwargs))
        self.binaries: list[tuple[str, str, str]] = []
        self.datas: list[tuple[str, str, str]] = []
        self.pure: list[Any] = []
        self.scripts: list[Any] = []


def _run_spec(platform: str, monkeypatch: pytest.MonkeyPatch) -> list[_Built]:
    _Built.calls = []
    made: list[_Built] = []

    def maker(kind: str) -> Any:
        def make(*args: Any, **kwargs: Any) -> _Built:
            made.append(_Built(kind, *args, **kwargs))
            return made[-1]

        return make

    spec = PACKAGING / "jcm_pdd.spec"
    names = {k: maker(k) for k in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE")}
    monkeypatch.setattr(sys, "platform", platform)
    try:
        exec(compile(spec.read_text(encoding="utf-8"), str(spec), "exec"), {
            "SPECPATH": str(PACKAGING), "__name__": "__main__", **names,
        })  # fmt: skip
    finally:
        monkeypatch.undo()
    return made


def test_the_spec_builds_two_windows_executables(monkeypatch: pytest.MonkeyPatch) -> None:
    made = _run_spec("win32", monkeypatch)
    exes = {b.kwargs["name"]: b.kwargs for b in made if b.kind == "EXE"}
    assert set(exes) == {"JCM PDD Studio", "jcm-pdd"}
    assert exes["JCM PDD Studio"]["console"] is False  # no console window beside the app
    assert exes["jcm-pdd"]["console"] is True  # the command line
    assert all(e["upx"] is False and e["icon"].endswith("jcm-pdd.ico") for e in exes.values())
    (collect,) = [b for b in made if b.kind == "COLLECT"]
    assert collect.kwargs["name"] == "jcm-pdd" and len(collect.args) == 4  # both, one folder
    assert not [b for b in made if b.kind == "BUNDLE"]


def test_the_spec_builds_the_mac_app_with_its_document_types(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    made = _run_spec("darwin", monkeypatch)
    (exe,) = [b for b in made if b.kind == "EXE"]
    assert exe.kwargs["console"] is False and exe.kwargs["argv_emulation"] is False
    assert Path(exe.kwargs["entitlements_file"]).is_file()
    (bundle,) = [b for b in made if b.kind == "BUNDLE"]
    assert bundle.kwargs["name"] == "JCM PDD Studio.app"
    assert bundle.kwargs["bundle_identifier"] == APP_ID
    assert bundle.kwargs["icon"].endswith("jcm-pdd.icns")
    plist = bundle.kwargs["info_plist"]
    assert len(plist["CFBundleDocumentTypes"]) == len(linux_types())


def test_the_spec_builds_one_linux_executable(monkeypatch: pytest.MonkeyPatch) -> None:
    made = _run_spec("linux", monkeypatch)
    (exe,) = [b for b in made if b.kind == "EXE"]
    assert exe.kwargs["name"] == "jcm-pdd" and exe.kwargs["console"] is True
    (analysis,) = [b for b in made if b.kind == "Analysis"]
    bundled = {dest for _src, dest in analysis.kwargs["datas"]}
    assert bundled == {"forms", "methodology_templates", "resources"}
    assert "jcm_pdd.gui.application" in analysis.kwargs["hiddenimports"]
    assert analysis.kwargs["noarchive"] is True  # .pyc files: the faster cold start there
    assert _run_spec("win32", monkeypatch)[0].kwargs["noarchive"] is False


@pytest.mark.parametrize("platform", ["linux", "win32", "darwin"])
def test_no_binary_is_packed_with_upx(platform: str, monkeypatch: pytest.MonkeyPatch) -> None:
    made = _run_spec(platform, monkeypatch)  # (UPX unpacks at every start; scanners flag it)
    assert all(b.kwargs["upx"] is False for b in made if b.kind in ("EXE", "COLLECT"))


@pytest.fixture(scope="module")
def icons(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("icons")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, str(PACKAGING / "make_icons.py"), str(out)],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    return out


def test_every_icon_the_installers_name_is_rendered(icons: Path) -> None:
    from PIL import Image

    with Image.open(icons / "jcm-pdd.ico") as ico:  # Windows: the app and the three types
        assert (256, 256) in ico.info["sizes"] and (16, 16) in ico.info["sizes"]
    with Image.open(icons / "jcm-pdd.icns") as icns:  # macOS: the app and the three types
        assert icns.format == "ICNS"
    for size in (16, 32, 48, 64, 128, 256, 512):  # Linux: the menu entry's icon at every size
        assert (icons / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png").is_file()
    root = ET.parse(PACKAGING / "linux" / f"{APP_ID}.xml").getroot()
    for mime in root.findall("m:mime-type", NS):
        name = mime.find("m:generic-icon", NS).attrib["name"]  # type: ignore[union-attr]
        assert (icons / "hicolor" / "scalable" / "mimetypes" / f"{name}.svg").is_file()
        assert (icons / "hicolor" / "48x48" / "mimetypes" / f"{name}.png").is_file()


def _workflow() -> dict[str, Any]:
    import yaml  # a declared test dependency ([test] extra): missing is a failure, not a skip

    loaded: dict[str, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return loaded


def test_the_release_workflow_builds_three_platforms_on_a_tag() -> None:
    flow = _workflow()
    triggers = flow[True]  # YAML 1.1 reads the key "on" as true
    assert triggers["push"]["tags"] == ["v*"]
    assert set(flow["jobs"]) == {"linux", "windows", "macos"}
    arches = {m["arch"] for m in flow["jobs"]["macos"]["strategy"]["matrix"]["include"]}
    assert arches == {"x86_64", "arm64"}  # a DMG per architecture
    linux_script = (PACKAGING / "linux" / "build_and_test.sh").read_text(encoding="utf-8")
    commands = [
        line for line in linux_script.splitlines() if not line.startswith(("#", "step "))
    ]  # fmt: skip
    assert len([line for line in commands if "selftest" in line]) == 2  # build, installed copy
    for job in flow["jobs"].values():
        runs = " ".join(step.get("run", "") for step in job["steps"])
        runs = runs.replace("bash packaging/linux/build_and_test.sh", "\n".join(commands))
        assert runs.count("selftest") >= 2  # the build and an installed copy, where built


def test_linux_is_built_on_an_older_glibc_than_the_readme_promises_and_ci_uses() -> None:
    linux = _workflow()["jobs"]["linux"]
    image = linux["container"]
    found = re.fullmatch(r"quay\.io/pypa/manylinux_(\d+)_(\d+)_x86_64", image)
    assert found, image
    floor = f"{found.group(1)}.{found.group(2)}"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"glibc {floor}+" in readme  # what the README tells Linux users
    runs = " ".join(step.get("run", "") for step in linux["steps"])
    assert "bash packaging/linux/build_and_test.sh" in runs
    assert "packaging/linux/build_and_test.sh" in (ROOT / ".ci" / "run").read_text()
    assert f"JCM_PDD_MAX_GLIBC={floor} bash" in runs  # check_bundle.py holds it to that floor


def test_the_release_workflow_names_only_files_that_exist() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    named = set(re.findall(r"packaging[/\\][\w./\\-]+", text))
    assert len(named) >= 6
    for name in named:
        path = ROOT / name.replace("\\", "/")
        assert path.is_file(), name
        if path.suffix == ".sh":
            assert os.access(path, os.X_OK) or f"bash {name}" in text, f"{name} is not executable"
