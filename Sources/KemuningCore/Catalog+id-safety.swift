// Bahasa Indonesia for the messages of what is refused or escaped on the way in and out (control characters, CSV, Markdown, NIKs).
// Same format as `Catalog+id.swift`.
let catalogIndonesianSafety = #"""
en: {1} holds the control character {2} at character {3}: a value is printable text on one line, without tabs, line breaks or terminal escapes
id: {1} memuat karakter kontrol {2} pada karakter ke-{3}: nilai harus berupa teks yang dapat dicetak dalam satu baris, tanpa tab, pindah baris, atau kode escape terminal

"""#
