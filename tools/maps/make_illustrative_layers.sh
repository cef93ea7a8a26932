#!/usr/bin/env bash
# Rebuilds assets/maps/milieux-illustratifs.gpkg: three ILLUSTRATIVE layers (terrils, zones
# humides, coteaux calcaires) drawn by hand from commune positions, because no open dataset covers
# them (see assets/maps/PROVENANCE.md). Nothing here is survey data: every position is a commune's
# point-on-surface, moved by a few hundred metres chosen by hand, and every area is a buffer around
# such points. Maps using them must say "couches illustratives, positions approximatives".
#
# Usage (from the project root):  tools/maps/make_illustrative_layers.sh [SOURCE.gpkg]
#   SOURCE defaults to ../shared/data/bassin-minier.gpkg, falling back to assets/maps/bassin-minier.gpkg
#   (the same file, committed). Needs ogr2ogr (GDAL ≥ 3.1) built with SpatiaLite (Debian's is).
# The committed .gpkg is the reference; this script only regenerates it. GeoPackages record
# timestamps, so a rebuild gives the same features, not the same bytes.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
src=${1:-}
if [[ -z "$src" ]]; then
  src="$root/../shared/data/bassin-minier.gpkg"
  [[ -f "$src" ]] || src="$root/assets/maps/bassin-minier.gpkg"
fi
out="$root/assets/maps/milieux-illustratifs.gpkg"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
gpkg="$tmp/milieux-illustratifs.gpkg"

# Point-on-surface of a commune (by INSEE code), as a SQL expression usable in the queries below.
pos() { echo "(SELECT ST_PointOnSurface(geom) FROM communes WHERE insee = '$1')"; }
# The same point moved by dx, dy metres.
moved() { echo "MakePoint(X($(pos "$1")) + ($2), Y($(pos "$1")) + ($3), 2154)"; }

ogr() {  # ogr() LAYER GEOMTYPE DESCRIPTION SQL
  local mode=(-overwrite)
  [[ -f "$gpkg" ]] && mode=(-update -overwrite)
  ogr2ogr -f GPKG "${mode[@]}" "$gpkg" "$src" -dialect SQLite -sql "$4" \
    -nln "$1" -nlt "$2" -a_srs EPSG:2154 -lco GEOMETRY_NAME=geom -lco FID=fid -lco "DESCRIPTION=$3"
}

# --- terrils_indicatifs ---------------------------------------------------------------------------
# Only well-known terrils whose commune is certain. dx, dy: arbitrary shift (metres) so that the
# symbol does not sit on the commune's own label point; the two twins are set apart side by side.
# It does NOT bring the point closer to the real terril.
terril() {  # terril NOM INSEE DX DY
  echo "SELECT '$1' AS nom, nom AS commune, insee, 1 AS indicatif,
         'position approximative à l''échelle de la commune' AS precision,
         $(moved "$2" "$3" "$4") AS geom FROM communes WHERE insee = '$2'"
}
terrils=$(
  {
    terril "Terril 74 (terrils jumeaux du 11/19)" 62528 -300 -200
    terril "Terril 74A (terrils jumeaux du 11/19)" 62528 300 -200
    terril "Terril de Pinchonvalles" 62065 -300 200
    terril "Terril Sabatier" 59491 300 -300
    terril "Terril des Argales" 59501 300 300
    terril "Terril du Pays à Part" 59234 -300 -300
    terril "Terril d''Haillicourt" 62400 -300 300
    terril "Terril de Loisinord" 62617 300 300
    terril "Terril de Germignies" 59327 -300 300
    terril "Terril Sainte-Marie" 59024 300 300
    terril "Terril du 9-9bis" 62637 300 -300
    terril "Terril Renard" 59172 -300 300
    terril "Terrils d''Arenberg" 59632 300 -300
    terril "Terril Ledoux" 59153 -300 -300
  } | sed '2,$s/^SELECT/UNION ALL SELECT/'
)
ogr terrils_indicatifs POINT \
  "ILLUSTRATIF (plaquette) : terrils connus placés à l'échelle de la commune, positions approximatives, pas un relevé. Positions dérivées d'IGN Admin Express COG 2018 (Licence Ouverte)." \
  "$terrils"

# --- zones_humides_indicatives --------------------------------------------------------------------
# Schematic areas: a rounded hull (buffer of the convex hull) of commune points, or a buffer of a
# line through them. The outline is a drawing, not the wetland's limit.
area() {  # area NOM COMMUNES GEOMETRY-SQL
  echo "SELECT '$1' AS nom, '$2' AS communes, 1 AS indicatif,
         'schéma indicatif, contour non relevé' AS precision, ST_Multi(CastToPolygon($3)) AS geom"
}
hull() {  # hull RADIUS INSEE... (buffer of the convex hull of the communes' points)
  local r=$1; shift
  local g
  g=$(pos "$1"); shift
  for c in "$@"; do g="ST_Collect($g, $(pos "$c"))"; done
  echo "ST_Buffer(ST_ConvexHull($g), $r)"
}
line() {  # line RADIUS INSEE... (buffer of the polyline through the communes' points, in order)
  local r=$1; shift
  local prev=$1 g=""; shift
  for c in "$@"; do
    local seg="ST_Buffer(MakeLine($(pos "$prev"), $(pos "$c")), $r)"
    if [[ -z "$g" ]]; then g=$seg; else g="ST_Union($g, $seg)"; fi
    prev=$c
  done
  echo "$g"
}
zones=$(
  {
    area "Marais de la vallée de la Scarpe" "Marchiennes, Vred, Wandignies-Hamage" "$(hull 1200 59375 59629 59637)"
    area "Étangs d''Amaury" "Hergnies, Vieux-Condé" "$(hull 900 59301 59616)"
    area "Mare à Goriaux" "Raismes, Wallers" \
      "ST_Buffer(ST_Centroid(ST_Collect($(pos 59491), $(pos 59632))), 700)"
    area "Vallée de la Souchez" "Souchez, Angres, Éleu-dit-Leauwette, Lens, Harnes" \
      "$(line 500 62801 62032 62291 62498 62413)"
  } | sed '2,$s/^SELECT/UNION ALL SELECT/'
)
ogr zones_humides_indicatives MULTIPOLYGON \
  "ILLUSTRATIF (plaquette) : schémas de zones humides connues autour de points de communes, contours non relevés. Dérivé d'IGN Admin Express COG 2018 (Licence Ouverte)." \
  "$zones"

# --- coteaux_calcaires_indicatifs ----------------------------------------------------------------
coteaux=$(
  {
    area "Coteaux de la crête de Vimy" "Givenchy-en-Gohelle, Vimy" "$(hull 600 62371 62861)"
    area "Coteaux de Notre-Dame-de-Lorette" "Ablain-Saint-Nazaire" \
      "ST_Buffer(MakeLine($(moved 62001 -1500 900), $(moved 62001 1500 1300)), 500)"
  } | sed '2,$s/^SELECT/UNION ALL SELECT/'
)
ogr coteaux_calcaires_indicatifs MULTIPOLYGON \
  "ILLUSTRATIF (plaquette) : schémas de coteaux calcaires du rebord de l'Artois autour de points de communes, contours non relevés. Dérivé d'IGN Admin Express COG 2018 (Licence Ouverte)." \
  "$coteaux"

ogrinfo -q "$gpkg" -sql VACUUM >/dev/null  # drop the free pages left by -overwrite
mv "$gpkg" "$out"
ogrinfo -so -al "$out" | grep -E "^(Layer name|Feature Count|Geometry):"
echo "wrote $out"
