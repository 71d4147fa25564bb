// Bahasa Indonesia for the audit trail's sentences (issue 13, words): one template per form of
// a stored action, so that the whole trail reads in the session's language. The terms chosen
// are listed, with their reasons, in docs/GLOSSARY.md. Same format as `Catalog+id.swift`.
let catalogIndonesianWords13 = #"""
en: announced
id: diumumkan

en: advanced to screening
id: dimajukan ke tahap seleksi administrasi

en: advanced to skd
id: dimajukan ke tahap SKD

en: advanced to skb
id: dimajukan ke tahap SKB

en: advanced to final
id: dimajukan ke tahap hasil akhir

en: advanced to closed
id: ditutup: seleksi selesai

en: {1} applied to {2} on {3} (source: {4})
id: {1} melamar ke {2} pada {3} (sumber: {4})

en: {1} passed {2}
id: {1} lulus {2}

en: {1} failed {2}
id: {1} tidak lulus {2}

en: proposed: recruit {1} for: {2}
id: diusulkan: rekrutmen {1}, karena: {2}

en: proposed: train ({1}) for: {2}
id: diusulkan: pelatihan ({1}), karena: {2}

en: request for {1} received on {2}, done on {3} in {4}
id: permohonan untuk {1} diterima pada {2}, selesai pada {3} dalam {4}

en: request for {1} received on {2}, done on {3} in {4} (late)
id: permohonan untuk {1} diterima pada {2}, selesai pada {3} dalam {4} (terlambat)

en: done in {1} (late: the standard is {2})
id: selesai dalam {1} (terlambat: standarnya {2} hari)

en: done in {1} (within the standard of {2})
id: selesai dalam {1} (dalam standar {2} hari)

en: responded on {1}, {2}
id: ditanggapi pada {1}, {2}

en: resolved on {1}, {2}
id: diselesaikan pada {1}, {2}

en: resolved on {1}, {2}; with no first response recorded, it counts as the response, {3}
id: diselesaikan pada {1}, {2}; karena tanggapan pertama belum tercatat, penyelesaian ini dihitung sebagai tanggapan, {3}

en: issue {1} noted, with a recommendation
id: isu {1} dicatat, dengan rekomendasi

en: did not pass {1}'s final ranking: only the best-ranked is hired, for its 1 seat
id: tidak lulus peringkat akhir {1}: hanya peserta peringkat teratas yang diangkat, untuk 1 formasi

en: did not pass {1}'s final ranking: only the {2} best-ranked are hired, one per seat
id: tidak lulus peringkat akhir {1}: hanya {2} peserta peringkat teratas yang diangkat, sesuai jumlah formasi
"""#
