"""The headless checks of ``jcm-pdd selftest``: what a frozen or installed build can get wrong.

Each check exercises the real code path a user's action takes (data folders, templates, the
calculation, every export format, packaging and verification) and returns a one-line account
of what it saw, or raises. The desktop checks live in ``jcm_pdd.gui.selftest``. The known
figures below are the bundled sample's (``resources/samples``), recomputed exactly.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

from jcm_pdd import paths

Check = tuple[str, Callable[[Path], str]]  # (what is checked, check(work folder) -> detail)


class SelfTestFailure(Exception):
    """A check saw something wrong; the message says what."""


def _expect(condition: bool, message: str) -> None:
    if not condition:
        raise SelfTestFailure(message)


# The sample's C.3 figures (JCM_MN_AM003 ver02.0; 2027-04-01 to 2044-03-31).
SAMPLE_YEARS = 18
SAMPLE_FIRST_YEAR_ER = Fraction(4847029, 3650)  # 2027, 275 days
SAMPLE_TOTAL_ER = Fraction(200165112779, 6679500)
SAMPLE_TOTAL_ER_CREDITED = 29957  # each year rounded down, then summed


def check_data_folders(_work: Path) -> str:
    forms = sorted(paths.forms_dir().rglob("*.toml"))
    templates = sorted(paths.templates_dir().glob("*.toml"))
    resources = paths.resources_dir()
    needed = [
        paths.sample_project_path(),
        paths.registered_sample_path(),
        paths.meter_readings_sample_path(),
        resources / "fonts" / "LiberationSans-Regular.ttf",
        resources / "fonts" / "LiberationSans-Bold.ttf",
        resources / "translations" / "jcm_pdd_ja.qm",
        resources / "messages" / "checks.ja.toml",
        resources / "icons" / "app.svg",
        paths.templates_dir() / "schema.json",
    ]
    missing = [str(p) for p in needed if not p.is_file()]
    _expect(not missing, f"missing: {', '.join(missing)}")
    _expect(bool(forms) and bool(templates), "no form definitions or no templates")
    from jcm_pdd.forms import check_forms

    definitions = check_forms().definitions()  # the app validates only a project's own at start
    return (
        f"{len(forms)} form files ({len(definitions)} definitions valid), "
        f"{len(templates)} templates, resources in {resources}"
    )


def check_templates(_work: Path) -> str:
    from jcm_pdd.methodology.examples import check_file
    from jcm_pdd.methodology.registry import template_files

    files = template_files(paths.templates_dir())
    examples = 0
    for path in files:
        template, problems = check_file(path)
        _expect(not problems, f"{path.name}: {'; '.join(str(p) for p in problems)}")
        _expect(template is not None, f"{path.name}: not loaded")
        assert template is not None
        examples += len(template.examples)
    return f"{len(files)} templates lint clean, {examples} worked examples agree"


def check_sample_calculation(_work: Path) -> str:
    from jcm_pdd.methodology import estimate_project, load_registry
    from jcm_pdd.methodology.c3 import c3_table
    from jcm_pdd.storage import load_project

    project = load_project(paths.sample_project_path(), backup_before_migration=False).project
    estimate = estimate_project(project, load_registry())
    _expect(len(estimate.years) == SAMPLE_YEARS, f"{len(estimate.years)} years, not 18")
    _expect(estimate.years[0].er == SAMPLE_FIRST_YEAR_ER, f"2027 ER {estimate.years[0].er}")
    _expect(estimate.total_er == SAMPLE_TOTAL_ER, f"total ER {estimate.total_er}")
    credited = c3_table(estimate).total.emission_reductions  # the C.3 table's credited total
    _expect(credited == SAMPLE_TOTAL_ER_CREDITED, f"credited total {credited}, not 29957")
    return f"18 years, total ER {float(SAMPLE_TOTAL_ER):.4f} exact, credited {credited} tCO2e"


_BASE_FONT = re.compile(rb"/BaseFont\s*/([A-Za-z0-9+\-_.]+)")


def pdf_fonts(data: bytes) -> tuple[set[str], int]:
    """(the font names a reportlab PDF uses, how many embedded TrueType font files it holds)."""
    return {m.decode() for m in _BASE_FONT.findall(data)}, data.count(b"/FontFile2")


def _check_zip(path: Path, needed: str) -> None:
    with zipfile.ZipFile(path) as zf:
        bad = zf.testzip()
        _expect(bad is None, f"{path.name}: damaged member {bad}")
        _expect(needed in zf.namelist(), f"{path.name}: no {needed}")


def _check_pdf(path: Path) -> set[str]:
    data = path.read_bytes()
    _expect(data.startswith(b"%PDF-") and b"%%EOF" in data[-64:], f"{path.name}: not a PDF")
    fonts, embedded = pdf_fonts(data)
    # reportlab embeds a TrueType font as a subset named "AAAAAA+Name"; a name without "+" is a
    # reference to a font the reader must have (a standard-14 or a CID font).
    subsets = {f for f in fonts if "+" in f}
    loose = sorted(fonts - subsets)
    _expect(not loose, f"{path.name}: fonts not embedded: {', '.join(loose)}")
    _expect(bool(subsets) and embedded >= len(subsets), f"{path.name}: no embedded font files")
    return subsets


def check_exports(work: Path) -> str:
    from jcm_pdd.export.api import export_set

    out = work / "export"
    written = export_set(paths.sample_project_path(), out)  # final export: every format, copy
    _expect(len(written) == 8, f"{len(written)} files written, not 8")
    fonts: set[str] = set()
    for path in written:
        if path.suffix == ".docx":
            _check_zip(path, "word/document.xml")
        elif path.suffix == ".xlsx":
            _check_zip(path, "xl/workbook.xml")
        else:
            fonts |= _check_pdf(path)
    kinds = ", ".join(sorted({p.suffix for p in written}))
    return f"{len(written)} files ({kinds}); zips sound; PDF fonts embedded: {sorted(fonts)}"


JAPANESE_TITLE = "ウランバートル物流センター屋上太陽光発電"


def check_japanese_pdf(work: Path) -> str:
    from jcm_pdd.export.api import export_set
    from jcm_pdd.export.fonts import cjk_font
    from jcm_pdd.storage import load_project

    loaded = load_project(paths.sample_project_path(), backup_before_migration=False)
    loaded.project.pdd.title = JAPANESE_TITLE
    (pdf,) = export_set(loaded, work / "japanese", formats=["pdf"], copies=["public"], draft=True)
    data = pdf.read_bytes()
    fonts, _ = pdf_fonts(data)
    cjk = cjk_font()
    if cjk.embedded:
        face = Path(cjk.source).name
        _expect(len({f for f in fonts if "+" in f}) >= 2, "the CJK font was not embedded")
        return f"Japanese title drawn with the embedded CJK font {face}"
    # No TrueType CJK font on this machine: reportlab's Adobe-Japan1 CID font is referenced
    # (the reader supplies the glyphs); fonts.py logs this and the README says so.
    _expect(any(cjk.name in f for f in fonts), f"no CJK font in the PDF ({sorted(fonts)})")
    return f"Japanese title drawn with the CID font {cjk.name} (no TrueType CJK font installed)"


def check_package(work: Path) -> str:
    from jcm_pdd.package.builder import build_package
    from jcm_pdd.package.report import Verdict
    from jcm_pdd.package.verify import verify_package

    target = work / "sample.jcmpkg"
    build_package(paths.sample_project_path(), target)
    report = verify_package(target)
    _expect(
        report.verdict == Verdict.VERIFIED,
        f"verify says {report.verdict}: {report.invalid_reason or report.problems[:3]}",
    )
    return f"package built and VERIFIED ({report.files_checked} files, figures recomputed)"


# The registered sample's monitoring periods (JCM_MN_AM003; ER_p = EG_PV-1,p x 0.797 +
# EG_PV-2,p x 0.533, PE_p = 0; derived by hand in tests/monitoring/test_registered_sample.py).
REGISTERED_PERIOD_ER = (Fraction("911.585799"), Fraction("496.952926"))
REGISTERED_PERIOD_CREDITED = (911, 496)


def check_monitoring(work: Path) -> str:
    from jcm_pdd.export.monitoring_api import export_monitoring
    from jcm_pdd.export.sources import find_template
    from jcm_pdd.monitoring import period_actual
    from jcm_pdd.package.builder import build_package
    from jcm_pdd.package.report import Verdict
    from jcm_pdd.package.verify import verify_package
    from jcm_pdd.storage import load_project

    source = paths.registered_sample_path()
    project = load_project(source, backup_before_migration=False).project
    selection = project.pdd.methodology
    template = find_template(selection.methodology_id, selection.version)
    _expect(template is not None, f"no template for {selection.methodology_id}")
    assert template is not None
    count = len(project.monitoring.periods)
    _expect(count == 2, f"{count} monitoring periods, not 2")
    actual = [period_actual(project, template, n) for n in range(count)]
    ers = tuple(a.result.er for a in actual)
    credited = tuple(a.credited for a in actual)
    _expect(ers == REGISTERED_PERIOD_ER, f"period ER {[str(e) for e in ers]}")
    _expect(credited == REGISTERED_PERIOD_CREDITED, f"credited {credited}, not (911, 496)")
    written = export_monitoring(source, work / "monitoring", copies=["confidential"])
    _expect(len(written) == 3, f"{len(written)} monitoring files written, not 3")
    for path in written:
        if path.suffix == ".xlsx":
            _check_zip(path, "xl/workbook.xml")
        elif path.suffix == ".docx":
            _check_zip(path, "word/document.xml")
        else:
            _check_pdf(path)
    target = work / "verification.jcmpkg"
    build_package(source, target, monitoring_periods=range(count))
    report = verify_package(target)
    _expect(
        report.verdict == Verdict.VERIFIED and report.kind == "verification",
        f"verification package: {report.verdict} ({report.kind}): "
        f"{report.invalid_reason or report.problems[:3]}",
    )
    return (
        f"periods credited {credited[0]} + {credited[1]} tCO2e exact; MRS workbook and "
        "Monitoring Report (docx, pdf) sound; verification package VERIFIED"
    )


HEADLESS_CHECKS: list[Check] = [
    ("data folders", check_data_folders),
    ("methodology templates", check_templates),
    ("sample calculation", check_sample_calculation),
    ("export, every format", check_exports),
    ("PDF with Japanese text", check_japanese_pdf),
    ("package and verify", check_package),
    ("monitoring: periods, reports, verification package", check_monitoring),
]
