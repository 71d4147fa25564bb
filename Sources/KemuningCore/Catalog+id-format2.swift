// Bahasa Indonesia for the messages of store format 2: the manifest, its parts, folds.
// Same format as `Catalog+id.swift`.
let catalogIndonesianFormat2 = #"""
en: store check found {1}: {2}
id: store check menemukan {1}: {2}

en: 'id' is "{1}", not an id of {2} (those start with {3})
id: 'id' berisi "{1}", bukan id {2} (yang diawali {3})

en: not a file kemuning makes; kemuning neither reads nor removes it
id: bukan berkas buatan kemuning; kemuning tidak membaca maupun menghapusnya

en: duplicate key '{1}'
id: kunci '{1}' muncul dua kali

en: expected an object
id: diharapkan sebuah objek

en: "parts" must be an object, not {1}
id: "parts" harus berupa objek, bukan {1}

en: "parts" has an unknown part '{1}'; this kemuning knows {2}
id: "parts" memuat bagian '{1}' yang tidak dikenal; kemuning ini mengenal {2}

en: parts.{1} must be {"file": "...", "bytes": N, "records": N}
id: parts.{1} harus berbentuk {"file": "...", "bytes": N, "records": N}

en: parts.{1}.file '{2}' is not a name kemuning gives that part
id: parts.{1}.file '{2}' bukan nama yang diberikan kemuning untuk bagian itu

en: parts.{1} lists {2} records in {3} bytes
id: parts.{1} mencantumkan {2} rekaman dalam {3} byte

en: {1}/{2}: corrupt snapshot: the directory of the snapshot's parts is missing; nothing was changed
id: {1}/{2}: snapshot rusak: direktori bagian-bagian snapshot tidak ada; tidak ada yang diubah

en: {1}: corrupt snapshot: the file is missing; nothing was changed
id: {1}: snapshot rusak: berkasnya tidak ada; tidak ada yang diubah

en: {1}: corrupt snapshot: the file has {2} bytes, the snapshot lists {3}; nothing was changed
id: {1}: snapshot rusak: berkas berisi {2} byte, snapshot mencantumkan {3}; tidak ada yang diubah

en: cannot tidy what an interrupted fold left in the store
id: tidak dapat merapikan sisa penggabungan yang terhenti di penyimpanan

en: record
id: rekaman

en: records
id: rekaman

en: ok: {1}, {2} bytes, as the snapshot lists
id: ok: {1}, {2} byte, sesuai yang dicantumkan snapshot

en: a part of the snapshot cannot be read
id: sebagian snapshot tidak dapat dibaca

en: a part no snapshot lists, left by a fold that stopped; the next process that writes removes it
id: bagian yang tidak dicantumkan snapshot mana pun, sisa penggabungan yang terhenti; proses berikutnya yang menulis akan menghapusnya

en: {1}:{2}:1: corrupt snapshot: the last line has no newline; nothing was changed
id: {1}:{2}:1: snapshot rusak: baris terakhir tidak diakhiri baris baru; tidak ada yang diubah

en: unknown part '{1}'
id: bagian '{1}' tidak dikenal

en: {1} is above the snapshot's counter for {2} ({3})
id: {1} melebihi penghitung snapshot untuk {2} ({3})

en: {1}:{2}:1: corrupt snapshot: {3}; nothing was changed
id: {1}:{2}:1: snapshot rusak: {3}; tidak ada yang diubah

en: {1}: corrupt snapshot: the file holds {2} records, the snapshot lists {3}; nothing was changed
id: {1}: snapshot rusak: berkas memuat {2} rekaman, snapshot mencantumkan {3}; tidak ada yang diubah

en: the line of {1} holds {2}
id: baris milik {1} berisi {2}

en: {1}:{2}:1: corrupt snapshot: {3}[{4}]{5}: {6}; nothing was changed
id: {1}:{2}:1: snapshot rusak: {3}[{4}]{5}: {6}; tidak ada yang diubah

en: {1}: corrupt snapshot: the file is missing or shorter than the {2} bytes the snapshot lists; nothing was changed
id: {1}: snapshot rusak: berkas tidak ada atau lebih pendek dari {2} byte yang dicantumkan snapshot; tidak ada yang diubah

en: vacancy {1}
id: lowongan {1}

en: applicant {1}
id: pelamar {1}

en: applications[{1}] ({2}): application {3} names no known {4}
id: applications[{1}] ({2}): lamaran {3} menyebut {4} yang tidak dikenal

en: applicants[{1}] ({2}): applicant {3} repeats the NIK of {4}
id: applicants[{1}] ({2}): pelamar {3} mengulang NIK milik {4}
"""#
