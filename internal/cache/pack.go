package cache

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// The layout of a pack file: packMagic, then records one after another.
// A record is a header, then the entry's bytes. The header holds the key,
// the length of the entry, the CRC-32C of the entry and the CRC-32C of
// the header's first fields, all integers little-endian:
//
//	key [32] | length uint32 | entry CRC uint32 | header CRC uint32
//
// A record says nothing of where it is, so it can be copied as it is from
// one pack to another.
const (
	packMagic  = "blogen-pack-v1\n\x00"
	packExt    = ".pack"
	headerSize = len(Key{}) + 12
	// maxEntry bounds the length of an entry, so that a damaged header
	// never asks for gigabytes.
	maxEntry = 1 << 30
)

// The layout of an index file, which lists the records of the first
// bytes of a pack so that opening the pack need not read its headers:
//
//	indexMagic | pack bytes covered uint64 | count uint32 |
//	count × (key [32] | offset uint64 | length uint32 | entry CRC uint32) |
//	CRC-32C of all that, uint32
const (
	indexMagic     = "blogen-idx-v1\n\x00\x00"
	indexExt       = ".idx"
	indexEntrySize = len(Key{}) + 16
	indexFixed     = len(indexMagic) + 12 + 4
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

func checksum(b []byte) uint32 { return crc32.Checksum(b, castagnoli) }

// record is where one entry lies in a pack: off is the offset of its
// header, n the length of the entry and sum its CRC-32C.
type record struct {
	key Key
	off int64
	n   uint32
	sum uint32
}

// end returns the offset just past the record.
func (r record) end() int64 { return r.off + int64(headerSize) + int64(r.n) }

// appendRecord appends the record of entry b under key k to dst.
func appendRecord(dst []byte, k Key, b []byte) []byte {
	start := len(dst)
	dst = append(dst, k[:]...)
	dst = binary.LittleEndian.AppendUint32(dst, uint32(len(b)))
	dst = binary.LittleEndian.AppendUint32(dst, checksum(b))
	dst = binary.LittleEndian.AppendUint32(dst, checksum(dst[start:]))
	return append(dst, b...)
}

// parseHeader reads the header h of the record at off.
func parseHeader(h []byte, off int64) (record, bool) {
	if len(h) < headerSize {
		return record{}, false
	}
	fields := h[:headerSize-4]
	if checksum(fields) != binary.LittleEndian.Uint32(h[headerSize-4:]) {
		return record{}, false
	}
	r := record{off: off}
	copy(r.key[:], fields)
	r.n = binary.LittleEndian.Uint32(fields[len(r.key):])
	r.sum = binary.LittleEndian.Uint32(fields[len(r.key)+4:])
	return r, r.n <= maxEntry
}

// scan reads the record headers of a pack of size bytes from off on,
// appending their records to recs, and returns the offset where the last
// good record ends. It stops at the first record that is damaged or runs
// past size: the tail a crash left half written, or a record its writer
// is still writing.
func scan(r io.ReaderAt, off, size int64, recs []record) ([]record, int64) {
	h := make([]byte, headerSize)
	for off+int64(headerSize) <= size {
		if _, err := r.ReadAt(h, off); err != nil {
			break
		}
		rec, ok := parseHeader(h, off)
		if !ok || rec.end() > size {
			break
		}
		recs = append(recs, rec)
		off = rec.end()
	}
	return recs, off
}

// readRecord reads the record rec into buf, grown as needed, and returns
// the whole record, header and entry, when it is intact.
func readRecord(r io.ReaderAt, rec record, buf []byte) ([]byte, bool) {
	n := headerSize + int(rec.n)
	if cap(buf) < n {
		buf = make([]byte, n)
	}
	buf = buf[:n]
	if got, _ := r.ReadAt(buf, rec.off); got != n {
		return nil, false
	}
	h, ok := parseHeader(buf, rec.off)
	if !ok || h != rec || checksum(buf[headerSize:]) != rec.sum {
		return nil, false
	}
	return buf, true
}

// encodeIndex returns the index file of the records recs, which end at
// covered.
func encodeIndex(covered int64, recs []record) []byte {
	b := make([]byte, 0, indexFixed+len(recs)*indexEntrySize)
	b = append(b, indexMagic...)
	b = binary.LittleEndian.AppendUint64(b, uint64(covered))
	b = binary.LittleEndian.AppendUint32(b, uint32(len(recs)))
	for _, r := range recs {
		b = append(b, r.key[:]...)
		b = binary.LittleEndian.AppendUint64(b, uint64(r.off))
		b = binary.LittleEndian.AppendUint32(b, r.n)
		b = binary.LittleEndian.AppendUint32(b, r.sum)
	}
	return binary.LittleEndian.AppendUint32(b, checksum(b))
}

// parseIndex reads the index file b of a pack of packSize bytes and
// returns its records and the bytes of the pack they cover. A damaged
// index, or one that covers more than the pack holds, is no index.
func parseIndex(b []byte, packSize int64) ([]record, int64, bool) {
	if len(b) < indexFixed || !bytes.HasPrefix(b, []byte(indexMagic)) ||
		checksum(b[:len(b)-4]) != binary.LittleEndian.Uint32(b[len(b)-4:]) {
		return nil, 0, false
	}
	covered := binary.LittleEndian.Uint64(b[len(indexMagic):])
	count := uint64(binary.LittleEndian.Uint32(b[len(indexMagic)+8:]))
	if covered < uint64(len(packMagic)) || covered > uint64(max(packSize, 0)) ||
		uint64(len(b)-indexFixed) != count*uint64(indexEntrySize) {
		return nil, 0, false
	}
	recs := make([]record, count)
	for i := range recs {
		e := b[len(indexMagic)+12+i*indexEntrySize:]
		r := &recs[i]
		copy(r.key[:], e)
		r.off = int64(binary.LittleEndian.Uint64(e[len(r.key):]))
		r.n = binary.LittleEndian.Uint32(e[len(r.key)+8:])
		r.sum = binary.LittleEndian.Uint32(e[len(r.key)+12:])
		if r.off < int64(len(packMagic)) || r.n > maxEntry || r.end() > int64(covered) {
			return nil, 0, false
		}
	}
	return recs, int64(covered), true
}

// pack is one pack file, open for reading (and, for the pack a Store
// appends to, for writing). size is the offset where its last indexed
// record ends.
type pack struct {
	name string
	f    *os.File
	size int64
}

// indexName returns the name of the index file of the pack named name.
func indexName(name string) string { return strings.TrimSuffix(name, packExt) + indexExt }

// createPack makes a pack of a unique name in dir.
func createPack(dir string) (*pack, error) {
	f, err := os.CreateTemp(dir, "*"+packExt)
	if err != nil {
		return nil, fmt.Errorf("cache: new pack: %w", err)
	}
	if _, err := f.WriteString(packMagic); err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, fmt.Errorf("cache: new pack: %w", err)
	}
	return &pack{name: filepath.Base(f.Name()), f: f, size: int64(len(packMagic))}, nil
}

// openPack opens the pack named name in dir and lists its records: from
// its index file as far as that goes, then from the record headers. It
// returns how many records it found by their headers.
func openPack(dir, name string) (*pack, []record, int, error) {
	f, err := os.Open(filepath.Join(dir, name))
	if err != nil {
		return nil, nil, 0, fmt.Errorf("cache: %w", err)
	}
	info, err := f.Stat()
	magic := make([]byte, len(packMagic))
	if err == nil {
		_, err = f.ReadAt(magic, 0)
	}
	if err == nil && string(magic) != packMagic {
		err = errors.New("not a pack of this version")
	}
	if err != nil {
		f.Close()
		return nil, nil, 0, fmt.Errorf("cache: pack %s: %w", name, err)
	}
	recs, covered := readIndex(filepath.Join(dir, indexName(name)), info.Size())
	indexed := len(recs)
	recs, end := scan(f, covered, info.Size(), recs)
	return &pack{name: name, f: f, size: end}, recs, len(recs) - indexed, nil
}

// readIndex reads the index file of a pack of packSize bytes, if it has a
// sound one, and returns its records and the offset they end at.
func readIndex(file string, packSize int64) ([]record, int64) {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, int64(len(packMagic))
	}
	recs, covered, ok := parseIndex(b, packSize)
	if !ok {
		return nil, int64(len(packMagic))
	}
	return recs, covered
}

// writeIndex writes the index file of the pack named name in dir.
func writeIndex(dir, name string, covered int64, recs []record) error {
	b := encodeIndex(covered, recs)
	err := WriteAtomic(filepath.Join(dir, indexName(name)), func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	})
	if err != nil {
		return fmt.Errorf("cache: index of %s: %w", name, err)
	}
	return nil
}
