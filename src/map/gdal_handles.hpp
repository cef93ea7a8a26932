// RAII owners for the GDAL/OGR objects the map engine creates. Only .cpp files of src/map include
// this header (it pulls in GDAL's headers), so the rest of plaquette never sees an OGR type.
#pragma once
#include <gdal_priv.h>
#include <ogr_feature.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <ogr_srs_api.h>

#include "core/handle.hpp"

namespace plaquette::map {

// GDAL's own owners, given local names so every file spells them the same way.
using DatasetPtr = GDALDatasetUniquePtr;   // GDALClose
using FeaturePtr = OGRFeatureUniquePtr;    // OGRFeature::DestroyFeature
using GeometryPtr = OGRGeometryUniquePtr;  // OGRGeometryFactory::destroyGeometry

// Spatial references are reference counted by OGR (layers hold them too): release, never delete.
using SpatialRefPtr = Handle<OGRSpatialReference, OSRRelease>;
using TransformationPtr = Handle<OGRCoordinateTransformation, OCTDestroyCoordinateTransformation>;

}  // namespace plaquette::map
