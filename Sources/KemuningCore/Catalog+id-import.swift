// Bahasa Indonesia for the messages of reading spreadsheet files (CSV) on the way in.
// Same format as `Catalog+id.swift`.
let catalogIndonesianImport = #"""
en: the file is not UTF-8 text (save it as "CSV UTF-8")
id: berkas bukan teks UTF-8 (simpan sebagai "CSV UTF-8")

en: a quote opened here is never closed
id: tanda kutip yang dibuka di sini tidak pernah ditutup

en: how --format csv is written: standard (RFC 4180) or excel-id (for Indonesian Excel: ';', decimal commas, a byte-order mark)
id: cara --format csv ditulis: standard (RFC 4180) atau excel-id (untuk Excel berbahasa Indonesia: ';', koma desimal, byte-order mark)

en: bad --csv '{1}': expected standard or excel-id
id: --csv '{1}' salah: seharusnya standard atau excel-id

en: bad csv '{1}': expected standard or excel-id
id: csv '{1}' salah: seharusnya standard atau excel-id

en: line {1}, column {2}: {3}
id: baris {1}, kolom {2}: {3}
"""#
