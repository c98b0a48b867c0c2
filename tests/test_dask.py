"""``quotes.dask`` on a two-worker LocalCluster equals the serial run.

Needs the ``dask`` dependency group (or the ``dask`` extra)."""

from __future__ import annotations

from pathlib import Path

import pytest

import quotes

pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

pytestmark = [pytest.mark.model, pytest.mark.slow]  # about a minute

TEXTS = ['"We will respond," said John Kirby, the Pentagon press secretary.',
         "Smith said the plan was dead.",
         "No one spoke.",
         'Officials said the talks would resume. "We are ready," one added.']


def test_dask_bag_files_and_frame_equal_the_serial_run(
        tmp_path: Path) -> None:
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd

    from quotes.dask import extract_bag, extract_files, extract_frame

    ids = [f"d{k}" for k in range(len(TEXTS))]
    paths = []
    for doc_id, text in zip(ids, TEXTS, strict=True):
        paths.append(tmp_path / f"{doc_id}.txt")
        paths[-1].write_text(text, encoding="utf-8")
    paths.append(tmp_path / "missing.txt")
    serial = list(quotes.Extractor().pipe(zip(TEXTS, ids, strict=True)))
    assert sum(len(r.attributions) for r in serial) >= 4

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1,
                                  processes=True, dashboard_address=None,
                                  ) as cluster, distributed.Client(cluster):
        bag = db.from_sequence(list(zip(TEXTS, ids, strict=True)),
                               npartitions=2)
        from_bag = extract_bag(bag).compute()
        from_files = extract_files(paths, npartitions=2,
                                   on_error="return").compute()
        frame = dd.from_pandas(pd.DataFrame({"id": ids, "body": TEXTS}),
                               npartitions=2)
        rows = extract_frame(frame, "body", doc_id="id").compute()
        workers = cluster.scheduler_info["workers"]
        assert len(workers) == 2

    assert from_bag == serial
    assert from_files[:-1] == serial
    assert isinstance(from_files[-1], quotes.Failure)
    assert from_files[-1].doc_id == "missing"
    expected = quotes.to_frame(serial)
    assert rows.reset_index(drop=True).equals(expected)


def test_dask_retries_the_work_of_a_killed_worker() -> None:
    """A worker killed (SIGKILL) mid-computation loses nothing: Dask runs
    its partitions again on a new worker and every result comes back,
    equal to the serial run."""
    import os
    import signal
    import time

    import dask.bag as db

    from quotes.dask import extract_bag

    items = [(TEXTS[k % len(TEXTS)], f"d{k}") for k in range(12)]
    serial = list(quotes.Extractor().pipe(items))
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1,
                                  processes=True, dashboard_address=None,
                                  ) as cluster, \
            distributed.Client(cluster) as client:
        pids = client.run(os.getpid)
        future = client.compute(extract_bag(
            db.from_sequence(items, npartitions=6)))
        deadline = time.monotonic() + 120
        busy: list[str] = []
        while not busy and time.monotonic() < deadline:
            busy = [w for w, tasks in client.processing().items() if tasks]
            time.sleep(0.05)
        assert busy, "no task started"
        assert not future.done()
        os.kill(pids[busy[0]], signal.SIGKILL)
        results = future.result(timeout=300)
        assert client.run(os.getpid) != pids  # a new worker took over
    assert results == serial


def test_dask_drops_the_time_limit() -> None:
    """A Dask worker cannot start processes, so quotes.dask parses with
    no time limit instead of failing."""
    from quotes.dask import _extractor

    ex = _extractor(quotes.ParseConfig(timeout=5), None)
    assert ex.config.timeout is None
    assert list(ex.pipe([""])) == [quotes.Result(text="")]
