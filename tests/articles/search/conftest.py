"""The spelling vocabulary follows each write at once in these tests.

In production a write queues `refresh_search_words` for when it commits, and the task worker
runs it; a test runs inside a transaction that never commits. Here the same task runs at
once, as it is queued (django-tasks' ImmediateBackend), so a search made after a factory
call reads the vocabulary as the worker would leave it. `test_vocabulary.py` overrides this
fixture to test the queue and the worker themselves.
"""

import pytest

from articles.search import tasks


@pytest.fixture(autouse=True)
def vocabulary_follows_each_write(settings, monkeypatch):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    monkeypatch.setattr(tasks, "after_commit", lambda callback: callback())
