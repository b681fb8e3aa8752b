"""The ``nexus`` command with the web server: ``nexus serve`` added to the domain commands.

``graph`` never imports ``web``; this module imports the domain CLI group and adds ``serve`` to it.
"""
from __future__ import annotations

import logging
import sys

import click

from graph.cli import EXIT_INVALID, main
from graph.errors import DatasetError, NexusError


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, envvar="NEXUS_HOST",
              help="Address to bind ($NEXUS_HOST). Loopback by default: only this machine can connect.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), envvar="NEXUS_PORT",
              help="Port ($NEXUS_PORT).")
@click.option("--data", type=click.Path(), envvar="NEXUS_DATA", help="Seed folder or file ($NEXUS_DATA).")
@click.option("--threads", default=8, show_default=True, type=click.IntRange(1, 64), help="Worker threads.")
def serve(host: str, port: int, data: str | None, threads: int) -> None:
    """Start the web explorer with waitress (a production WSGI server)."""
    from waitress import serve as waitress_serve

    from web import create_app

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        app = create_app({"NEXUS_DATA": data} if data else None)
    except DatasetError as exc:
        click.echo(f"The dataset is invalid ({len(exc.problems)} problems); run 'nexus validate'.", err=True)
        for problem in exc.problems[:10]:
            click.echo(f"  {problem}", err=True)
        sys.exit(EXIT_INVALID)
    except NexusError as exc:
        click.echo(str(exc), err=True)
        sys.exit(EXIT_INVALID)
    click.echo(f"Nexus Explorer on http://{host}:{port}/ (Ctrl+C to stop)")
    waitress_serve(app, host=host, port=port, threads=threads, ident="nexus-explorer")


if __name__ == "__main__":
    main()
