// Package importer groups the importers that bring content from other
// platforms into a blogen site.
//
// Each importer lives in its own subpackage and writes the same site layout
// through package sitewriter:
//
//   - wordpress reads a WordPress export (WXR 1.0 to 1.2) and writes posts,
//     pages, authors and comments.
//   - linkedin reads the Articles folder of a LinkedIn data export and writes
//     republished posts that credit the original.
//   - jekyll, hugo and zola read whole sites of those generators, through
//     the part they share, ssg, which keeps every old URL.
//
// Imports are all-or-nothing: files are staged in a temporary folder inside
// the site and moved into place only when the whole import has succeeded.
// Importing the same export twice writes the same files.
package importer
