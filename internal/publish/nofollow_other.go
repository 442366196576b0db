//go:build !unix

package publish

// noFollow is not available on this system.
const noFollow = 0
