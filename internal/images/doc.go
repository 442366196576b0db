// Package images decodes, orients, resizes and encodes the raster images
// of a site, and draws its social cards. It knows nothing of sites, files
// or caches: it turns bytes into pixels and pixels into bytes.
//
// Probe reads an image's format, size and EXIF orientation without
// decoding its pixels, and refuses an image larger than the pixel budget
// (Settings.MaxPixels) before any memory is spent on it. Decode returns
// the pixels turned upright. Resize and Cover scale them down (never up),
// Encode writes them as JPEG, PNG or WebP from the pixels alone, so no
// copy carries the source's metadata (EXIF, GPS positions, comments).
// DrawCard typesets a 1200x630 card with the Go fonts.
//
// Every function is deterministic: the same input gives the same bytes.
// Every function is safe for concurrent use.
package images
