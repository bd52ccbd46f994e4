"""Shared test data for tests/methodology (not a conftest.py: other test folders import
``conftest`` by name, so a second conftest module here would shadow theirs)."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).parent / "data"

# A minimal, valid template: two units, an indexed intermediate, a default with choices,
# a band table used by an eligibility check. Tests replace lines of it to provoke errors.
MINI = """format_version = 1

[identity]
id = "JCM_XX_AM001"
version = "01.0"
host_country = "XX"
title = "Test methodology"
sectoral_scope = 3
provenance = { status = "unverified", tag = "ILLUSTRATIVE", citation = "test fixture" }

[summary]
measures = "m"
reference_emissions = "r"
project_emissions = "p"
monitoring_parameters = "mp"
provenance = { status = "unverified", citation = "test fixture" }

[[eligibility]]
number = 1
text = "COP of every unit meets the band threshold."
check = "all(i, COP_PJ[i] >= band(THRESHOLD, CAP[i]))"
provenance = { status = "unverified", citation = "test fixture" }

[emission_sources]
reference = [{ source = "Reference unit power", ghg = "CO2" }]
project = [{ source = "Project unit power", ghg = "CO2" }]
provenance = { status = "unverified", citation = "test fixture" }

[index_sets.i]
label = "Unit"
default_member = "U-1"

[parameters.EC_PJ]
symbol = "EC_PJ,i,p"
description = "Power consumption of unit i"
unit = "MWh/p"
role = "monitored"
index = ["i"]
options = ["B", "C"]
default_option = "C"

[parameters.CAP]
symbol = "CAP_i"
description = "Cooling capacity of unit i"
unit = "USRt"
role = "fixed_ex_ante"
index = ["i"]

[parameters.COP_PJ]
symbol = "COP_PJ,i"
description = "COP of project unit i"
unit = "-"
role = "fixed_ex_ante"
index = ["i"]
bounds = { min = "0", min_exclusive = true }

[parameters.COP_RE]
symbol = "COP_RE"
description = "COP of the reference unit"
unit = "-"
role = "default"
value = "4"
provenance = { status = "draft", tag = "SRC-DRAFT", citation = "test fixture" }

[parameters.EF]
symbol = "EF_elec"
description = "Emission factor"
unit = "tCO2/MWh"
role = "default"
default_choice = "grid"

[[parameters.EF.choices]]
name = "grid"
label = "Grid"
value = "0.5"
provenance = { status = "unverified", tag = "MEM-L", citation = "test fixture" }

[[parameters.EF.choices]]
name = "captive"
label = "Captive"
value = "0.533"
provenance = { status = "verified", citation = "test fixture", url = "https://example.org" }

[parameters.EC_RE]
symbol = "EC_RE,i,p"
description = "Reference consumption of unit i"
unit = "MWh/p"
role = "calculated"
index = ["i"]
equation = "EC_PJ[i] * COP_PJ[i] / COP_RE"

[parameters.RE]
symbol = "RE_p"
description = "Reference emissions"
unit = "tCO2/p"
role = "calculated"
equation = "sum(i, EC_RE[i]) * EF"

[parameters.PE]
symbol = "PE_p"
description = "Project emissions"
unit = "tCO2/p"
role = "calculated"
equation = "sum(i, EC_PJ[i] * EF)"

[parameters.ER]
symbol = "ER_p"
description = "Emission reductions"
unit = "tCO2/p"
role = "calculated"
equation = "RE - PE"

[tables.THRESHOLD]
description = "Threshold COP by capacity"
key_unit = "USRt"
unit = "-"
bands = [{ upper = "300", value = "5" }, { lower = "300", value = "6" }]
provenance = { status = "unverified", citation = "test fixture" }

[[examples]]
name = "two units"
description = "EC_RE = 100*6/4 + 50*5/4 = 212.5; RE = 106.25; PE = 75; ER = 31.25 -> 31"
inputs.EC_PJ = [{ i = "U-1", value = "100" }, { i = "U-2", value = "50" }]
inputs.CAP = [{ i = "U-1", value = "350" }, { i = "U-2", value = "100" }]
inputs.COP_PJ = [{ i = "U-1", value = "6" }, { i = "U-2", value = "5" }]
expected = { RE = "106.25", PE = "75", ER = "31.25", ER_rounded = "31" }
"""
