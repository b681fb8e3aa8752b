"""``python -m web``: serve the explorer (same as ``nexus serve``)."""
from web.cli import serve

serve()
