"""Extraction is a map over files: run it here, on local processes, or on a Dask cluster.

Every file is read and extracted on its own, so the map needs no coordination;
the results come back in input order whatever ran them, which keeps a build
with N workers byte-identical to a build with one. The mapped function never
raises for a bad file (gcmkg.pipeline.process returns the reason as a value).

A Dask cluster is sent the files' bytes, not their paths, so its workers need
gcmkg installed (the same version) but not the files; each worker writes the
bytes to a temporary file of the same name and reads that.
"""

from __future__ import annotations

import stat
import tempfile
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TypeVar

from gcmkg.errors import UsageError

T = TypeVar("T")
DASK_BATCH = 64  # files per round trip to the cluster; two batches are in flight at a time


def map_files(fn: Callable[[Path], T], paths: Sequence[Path], workers: int = 1,
              scheduler: str | None = None) -> Iterator[T]:
    """fn over paths, results in input order: serially, on `workers` processes, or on the Dask `scheduler`.

    `fn` must be a module-level function (it is pickled to other processes)."""
    if workers < 1:
        raise UsageError(f"--workers {workers}: give 1 or more")
    if not paths:
        return iter(())
    if scheduler:
        return _on_dask(fn, paths, scheduler)
    if workers == 1 or len(paths) < 2:
        return map(fn, paths)
    return _on_processes(fn, paths, min(workers, len(paths)))


def _on_processes(fn: Callable[[Path], T], paths: Sequence[Path], workers: int) -> Iterator[T]:
    chunk = max(1, min(16, len(paths) // (workers * 4)))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(fn, paths, chunksize=chunk)


def _on_dask(fn: Callable[[Path], T], paths: Sequence[Path], address: str) -> Iterator[T]:
    from distributed import Client
    from distributed.comm.addressing import parse_address, parse_host_port

    try:  # connect now, so that a wrong address is reported before any work
        protocol, location = parse_address(address)
        if protocol in ("tcp", "tls"):
            parse_host_port(location)  # a half-made Client with a bad address hangs when it is collected
        client = Client(address, timeout="10s", set_as_default=False)
    except (OSError, TimeoutError, ValueError) as e:
        raise UsageError(f"--scheduler {address}: cannot connect to a Dask scheduler there ({e})") from None
    return _gather(client, fn, paths)


def _gather(client, fn: Callable[[Path], T], paths: Sequence[Path]) -> Iterator[T]:  # noqa: ANN001 - a distributed.Client
    try:
        pending: deque = deque()
        for i in range(0, len(paths), DASK_BATCH):
            batch = paths[i:i + DASK_BATCH]
            datas = [_sendable(p) for p in batch]
            # a file that is not a plain, small enough file is handled here: fn reports why it cannot be read
            local = {j: fn(p) for j, (p, d) in enumerate(zip(batch, datas)) if d is None}
            futures = client.map(_remote, [fn] * len(batch), [p.name for p in batch], datas, pure=False)
            pending.append((futures, local))
            if len(pending) > 1:
                yield from _results(client, *pending.popleft())
        while pending:
            yield from _results(client, *pending.popleft())
    finally:
        client.close()


def _results(client, futures: list, local: dict[int, T]) -> list[T]:  # noqa: ANN001
    remote = client.gather(futures)
    return [local[j] if j in local else r for j, r in enumerate(remote)]


def regular_file_size(path: Path) -> int | None:
    """The size of a regular file (not a folder, device or pipe, which must not be opened here), else None."""
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_size if stat.S_ISREG(st.st_mode) else None


def _sendable(path: Path) -> bytes | None:
    from gcmkg.extract.formats import MAX_FILE_BYTES

    size = regular_file_size(path)
    if size is None or size > max(MAX_FILE_BYTES.values()):
        return None
    try:
        return path.read_bytes()
    except OSError:
        return None


def _remote(fn: Callable[[Path], T], name: str, data: bytes | None) -> T | None:
    if data is None:
        return None  # done on the client, see _gather
    with tempfile.TemporaryDirectory(prefix="gcmkg-") as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        return fn(path)
