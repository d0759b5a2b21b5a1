"""The ``geonorm`` command line (click)."""
from __future__ import annotations

import json
import os
import sys

import click

from . import __version__


def _resolver(index: str | None):
    from .gazetteer import Gazetteer
    from .matching.resolver import Resolver, default_resolver
    return Resolver(Gazetteer.open(index)) if index else default_resolver()


class _Group(click.Group):
    """A missing or broken index (``--index``) is a one-line error, not a traceback; output
    piped into a reader that stops early (``| head``) ends the command quietly."""

    def invoke(self, ctx):
        from .gazetteer import GazetteerError
        try:
            return super().invoke(ctx)
        except GazetteerError as exc:
            raise click.ClickException(str(exc)) from None
        except BrokenPipeError:
            # (as Python's documentation advises: no second error when stdout is flushed at exit)
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(141)  # 128 + SIGPIPE, as a shell reports a tool stopped so


@click.group(cls=_Group)
@click.version_option(__version__, prog_name="geonorm")
def main() -> None:
    """Map place names as people write them to GeoNames places, offline."""


@main.command()
@click.argument("query", nargs=-1, required=True)
@click.option("--country", help="ISO code or name of the country (hint).")
@click.option("--admin1", help="First-level area: name or ISO 3166-2 code (hint).")
@click.option("--admin2", help="Second-level area: a district, raion or county by name (hint).")
@click.option("--near", help="LAT,LON or a place name (hint).")
@click.option("--within", help="Bounding box MIN_LON,MIN_LAT,MAX_LON,MAX_LAT, WKT, GeoJSON or a .geojson file.")
@click.option("--as-of", "as_of", help="Date the text refers to (YYYY or YYYY-MM-DD).")
@click.option("--feature", help="populated place | admin | admin1 | admin2 | country | region; several "
              "separated by commas ('admin1,admin2')")
@click.option("--text", "source_text", help="The text the phrase was written about (a headline, an article): "
              "the places it names are context.")
@click.option("--limit", default=3, show_default=True,
              help="Candidates to list, the answer included: the answer and its runner-ups, the four it was "
              "weighed against at least, LIMIT-1 when more.")
@click.option("--min-confidence", type=float, help="Answer 'no match' below this confidence.")
@click.option("--index", type=click.Path(exists=True, file_okay=False), help="A custom index directory.")
@click.option("--json", "as_json", is_flag=True, help="Print the match as JSON.")
def resolve(query, country, admin1, admin2, near, within, as_of, feature, source_text, limit, min_confidence,
            index, as_json):
    """Resolve a place name or phrase, e.g.  geonorm resolve Krasnarmeysk --admin1 "Donetsk region"."""
    text = " ".join(query)
    resolver = _resolver(index)
    context = None
    if source_text:
        from .faces.text import text_context
        context = text_context(source_text, query=text, resolver=resolver)
    try:
        m = resolver.resolve(text, country=country, admin1=admin1, admin2=admin2, near=near,
                             within=within, as_of=as_of, limit=limit, min_confidence=min_confidence,
                             feature=feature, context=context)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None
    if as_json:  # (the exit status says 'no match' either way)
        click.echo(json.dumps(m.to_dict(), ensure_ascii=False, indent=1, default=str))
        sys.exit(0 if m.ok else 1)
    if m.ok:
        click.echo(f"{m.name}\t{m.id}\t{m.lat:.5f},{m.lon:.5f}\t{m.admin1}\t{m.country_code}\t"
                   f"confidence {m.confidence:.2f}\t{m.match_kind}")
    else:
        click.echo("no match")
    click.echo(m.explain())
    for a in m.alternatives:
        click.echo(f"  alternative: {a.name}\t{a.id}\t{a.admin1}\t{a.country_code}\t{a.confidence:.2f}\t{a.match_kind}")
    sys.exit(0 if m.ok else 1)


@main.group()
def gazetteer() -> None:
    """Inspect or build gazetteer indexes."""


@gazetteer.command()
@click.option("--index", type=click.Path(exists=True, file_okay=False), help="A custom index directory.")
def info(index):
    """Sources, versions, counts, licence and cache path of the (default) gazetteer."""
    from .gazetteer import Gazetteer
    gaz = Gazetteer.open(index) if index else Gazetteer.default()
    meta = dict(gaz.meta)
    click.echo(f"index:    {gaz.path}")
    click.echo(f"places:   {len(gaz):,}")
    click.echo(f"names:    {len(gaz.form_text):,} (incl. generated romanizations)")
    for s in meta.get("sources", []):
        click.echo(f"source:   {s}")
    for k, v in (meta.get("versions") or {}).items():
        click.echo(f"version:  {k} {v}")
    if meta.get("noise"):
        click.echo(f"noise:    {meta['noise']}")
    if "populations_filled" in meta:
        click.echo(f"curated:  {meta['populations_filled']} populations filled (gazetteer/populations.csv), "
                   f"{meta.get('curated_names_dropped', 0)} misleading names dropped (gazetteer/dropped_names.csv)")
    for r in meta.get("reports", []):
        click.echo(f"report:   {r}")
    click.echo(f"built in: {meta.get('build_seconds')} s (format {meta.get('format_version')})")
    click.echo(f"licence:  {meta.get('licence', 'GeoNames CC BY 4.0')}")


@gazetteer.command()
@click.option("--geonames", "geonames_dir", type=click.Path(exists=True, file_okay=False),
              help="Directory with GeoNames dump files (XX.txt/zip, alternateNamesV2, admin codes, countryInfo).")
@click.option("--countries", help="Comma-separated ISO codes to keep, e.g. UA,RU.")
@click.option("--csv", "csv_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="A CSV of your own places (repeatable).")
@click.option("--with-default", is_flag=True, help="Also include the embedded default gazetteer.")
@click.option("-o", "--out", required=True, type=click.Path(file_okay=False), help="Output index directory.")
def build(geonames_dir, countries, csv_files, with_default, out):
    """Build a custom index from GeoNames dumps and/or your CSV files."""
    from pathlib import Path

    from .custom import build_custom
    from .sources.base import SourceError
    if not geonames_dir and not csv_files and not with_default:
        raise click.UsageError("give --geonames DIR, --csv FILE or --with-default")
    codes = [c.strip().upper() for c in countries.split(",")] if countries else None
    try:
        meta = build_custom(Path(out), geonames_dir=geonames_dir, countries=codes, csv_files=csv_files,
                            include_default=with_default)
    except SourceError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"built {out}: {meta.get('places'):,} places, {meta.get('names'):,} names")
    for r in meta.get("reports", []):
        click.echo(f"report: {r}")


@main.command("reverse", context_settings={"ignore_unknown_options": True})  # (-74.0 is a longitude)
@click.argument("lat", type=float)
@click.argument("lon", type=float)
@click.option("--min-population", default=0, show_default=True, type=int, help="Only places at least this populous.")
@click.option("--index", type=click.Path(exists=True, file_okay=False), help="A custom index directory.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def reverse_cmd(lat, lon, min_population, index, as_json):
    """Nearest populated place to a point, e.g.  geonorm reverse 48.28 37.18."""
    from .faces.reverse import reverse
    from .gazetteer import Gazetteer
    try:
        r = reverse(lat, lon, min_population=min_population,
                    gazetteer=Gazetteer.open(index) if index else None)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None
    if r is None:
        click.echo("no result (NaN point)")
        sys.exit(1)
    if as_json:
        click.echo(json.dumps(r.to_dict(), ensure_ascii=False, indent=1))
        return
    click.echo(f"{r.name}\t{r.id}\t{r.lat:.5f},{r.lon:.5f}\t{r.admin1}\t{r.admin2}\t{r.country_code}\t"
               f"{r.distance_km:.1f} km")


def _register_faces() -> None:
    """Commands implemented by the faces (evaluation, text, tables)."""
    from .faces.evaluate import eval_command
    from .faces.csvstream import normalize_command
    from .faces.text import extract_command
    main.add_command(eval_command)
    main.add_command(extract_command)
    main.add_command(normalize_command)


_register_faces()


if __name__ == "__main__":  # pragma: no cover
    main()
