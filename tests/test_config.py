"""vaultkit.toml: defaults, errors with lines, warnings for unknown keys."""
import datetime

import pytest

from vaultkit.config import load_config
from vaultkit.dates import Cadence
from vaultkit.errors import ConfigError


def load(tmp_path, text):
    (tmp_path / "vaultkit.toml").write_text(text, encoding="utf-8")
    return load_config(tmp_path)


def test_no_file_means_every_default(tmp_path):
    config = load_config(tmp_path)
    assert config.folders.output == "vaultkit" and config.folders.contacts == "Contacts"
    assert config.rules.horizon_days == 14 and config.rules.max_unanswered == 2
    assert config.rules.stay_in_touch == Cadence(60, "d")
    assert config.log_headings == ("Log", "Timeline", "Contact Log", "Interactions") and config.landed is None


def test_settings_are_read(tmp_path):
    config = load(tmp_path, '''
ignore = ["Archive/**"]
daily_format = "DD.MM.YYYY"
[me]
name = "Sam"
[folders]
contacts = "People/"
[rules]
horizon_days = 7
stay_in_touch = "6w"
[landed]
date = 2026-12-01
company = "Northwind"
''')
    assert config.ignore == ("Archive/**",) and config.me.name == "Sam"
    assert config.folders.contacts == "People" and config.rules.horizon_days == 7
    assert config.rules.stay_in_touch == Cadence(6, "w")
    assert config.landed.date == datetime.date(2026, 12, 1) and config.landed.company == "Northwind"
    assert config.daily_format.parse("20.11.2026") == datetime.date(2026, 11, 20)
    assert config.warnings == ()


def test_bad_toml_names_the_line(tmp_path):
    with pytest.raises(ConfigError) as caught:
        load(tmp_path, "[rules]\nhorizon_days = 7\nnudge_days = = 3\n")
    assert str(caught.value).startswith("vaultkit.toml:3: not valid TOML:")


@pytest.mark.parametrize("text, message", [
    ('[rules]\n\nhorizon_days = "soon"\n',
     "vaultkit.toml:3: rules.horizon_days: expected a whole number from 0 to 3,660 (ten years), got 'soon'"),
    ('[rules]\nmax_unanswered = 0\n',
     "vaultkit.toml:2: rules.max_unanswered: expected a whole number from 1 to 1,000, got 0"),
    ('[rules]\nstay_in_touch = "often"\n',
     "vaultkit.toml:2: rules.stay_in_touch: expected a cadence such as 60, \"30d\", \"6w\" or \"3m\", got 'often'"),
    ('log_headings = "Log"\n',
     "vaultkit.toml:1: log_headings: expected a list of text, like [\"Log\", \"Timeline\"], got 'Log'"),
    ('[folders]\noutput = "../elsewhere"\n',
     "vaultkit.toml:2: folders.output: expected a folder inside the vault, like \"Contacts\", got '../elsewhere'"),
    ('[landed]\ncompany = "X"\n', "vaultkit.toml:1: [landed] needs a date, like date = 2026-12-01"),
    ('[landed]\ndate = "someday"\n', "vaultkit.toml:2: landed.date: expected a date like 2026-12-01, got 'someday'"),
    ('daily_format = "MM-DD"\n',
     "vaultkit.toml:1: daily_format: daily_format 'MM-DD' needs YYYY, a month (MM, M, MMM or MMMM) and a day (DD, D or Do)"),
    ('me = 3\n', "vaultkit.toml:1: me must be a table, like [me]"),
    ('[folders]\noutput = "Contacts"\n',
     "vaultkit.toml:2: folders.output 'Contacts' overlaps folders.contacts 'Contacts'; "
     "vaultkit would read its own output as notes"),
])
def test_bad_values_name_the_line(tmp_path, text, message):
    with pytest.raises(ConfigError) as caught:
        load(tmp_path, text)
    assert str(caught.value) == message


def test_unknown_keys_are_warnings_with_a_suggestion(tmp_path):
    config = load(tmp_path, '[rules]\nhorizon_day = 3\n[colours]\nx = 1\n')
    assert [str(w) for w in config.warnings] == [
        "vaultkit.toml:2: warning: unknown key 'horizon_day' in [rules]; did you mean 'horizon_days'?",
        "vaultkit.toml:3: warning: unknown key 'colours' at the top level; known keys: daily_format, folders, "
        "ignore, import, keys, landed, log_headings, me, rules, statuses, targets, touch_kinds, types",
    ]


def test_not_utf8(tmp_path):
    (tmp_path / "vaultkit.toml").write_bytes(b"[me]\nname = \"Ren\xe9\"\n")
    with pytest.raises(ConfigError, match=r"vaultkit.toml:2: not UTF-8 text"):
        load_config(tmp_path)
