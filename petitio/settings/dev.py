"""Local settings for `make run` and development: SQLite, local outbox, DEBUG on."""

from .base import *  # noqa: F403
from .env import env_bool

DEBUG = env_bool("DEBUG", True)
