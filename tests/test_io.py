import os
import stat

import pandas as pd
import pytest

from pipeline.io import atomic_open, write_table


def test_outputs_get_the_usual_mode_and_keys_can_be_private(tmp_path):
    old = os.umask(0o022)
    try:
        write_table(pd.DataFrame({"a": [1]}), tmp_path / "shared.csv")
        write_table(pd.DataFrame({"a": [1]}), tmp_path / "key.csv", file_mode=0o600)
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "shared.csv").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "key.csv").stat().st_mode) == 0o600


def test_a_failed_write_leaves_nothing_behind(tmp_path):
    target = tmp_path / "out.txt"
    with pytest.raises(RuntimeError):
        with atomic_open(target) as handle:
            handle.write("half")
            raise RuntimeError("boom")
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []
