// Bahasa Indonesia for the messages of the store: opening, refusing and repairing its files.
// Same format as `Catalog+id.swift`.
let catalogIndonesianStore = #"""


en: vacancy {1} passMarks '{2}'
id: lowongan {1} passMarks '{2}'

en: vacancy {1} skb has an unknown component '{2}'
id: lowongan {1}: skb memuat komponen yang tidak dikenal '{2}'

en: vacancy {1} skb '{2}'
id: lowongan {1} skb '{2}'

en: vacancy {1} stages has an unknown stage '{2}'
id: lowongan {1}: stages memuat tahap yang tidak dikenal '{2}'

en: vacancy {1} stage '{2}' has a bad date {3}
id: lowongan {1}: tahap '{2}' bertanggal tidak sah {3}

en: {1} must be a whole number from {2} to {3}, not {4}
id: {1} harus bilangan bulat dari {2} sampai {3}, bukan {4}

en: {1} '{2}' must be from {3} to {4}, not {5}
id: {1} '{2}' harus dari {3} sampai {4}, bukan {5}

en: application {1} interview score '{2}'
id: nilai wawancara '{2}' pada lamaran {1}

en: application {1} has '{2}' but no '{3}'
id: lamaran {1} memuat '{2}' tetapi tidak memuat '{3}'

en: the change is recorded, but the journal could not be folded into the snapshot ({1}); nothing is lost
id: perubahan sudah tercatat, tetapi jurnal tidak dapat dilebur ke dalam snapshot ({1}); tidak ada yang hilang

en: cannot use store {1}
id: tidak dapat memakai penyimpanan {1}

en: store {1} kept changing while it was read; try again
id: penyimpanan {1} terus berubah selagi dibaca; coba lagi

en: cannot read the store
id: tidak dapat membaca penyimpanan

en: cannot cut the torn last line off the journal
id: tidak dapat memotong baris terakhir jurnal yang terpotong

en: {1}: corrupt snapshot: {2}; nothing was changed
id: {1}: snapshot rusak: {2}; tidak ada yang diubah

en: {1}:{2}:1: corrupt journal line: {3}; nothing was changed
id: {1}:{2}:1: baris jurnal rusak: {3}; tidak ada yang diubah

en: repeats or goes back to change {1} after change {2}
id: mengulang atau mundur ke perubahan {1} setelah perubahan {2}

en: skips from change {1} to {2}
id: melompat dari perubahan {1} ke {2}

en: {1}:{2}:1: the journal {3}; nothing was changed
id: {1}:{2}:1: jurnal {3}; tidak ada yang diubah

en: {1}:{2}:1: the journal skips from change {3} to {4}; nothing was changed
id: {1}:{2}:1: jurnal melompat dari perubahan {3} ke {4}; tidak ada yang diubah

en: {1}:{2}:1: change {3} does not apply: {4}; nothing was changed
id: {1}:{2}:1: perubahan {3} tidak dapat diterapkan: {4}; tidak ada yang diubah

en: unknown key '{1}' (a line has only "seq", "op" and "data")
id: kunci tidak dikenal '{1}' (satu baris hanya memuat "seq", "op", dan "data")

en: the line has no "seq"
id: baris ini tidak memuat "seq"

en: "op" is missing or not a string
id: "op" tidak ada atau bukan string

en: "data" is missing or not an object
id: "data" tidak ada atau bukan objek

en: {1} ends in part of a change that could not be removed after a failed write; nothing more is written until the store is opened again
id: {1} berakhir dengan sebagian perubahan yang tidak dapat dihapus setelah penulisan gagal; tidak ada lagi yang ditulis sampai penyimpanan dibuka kembali

en: the change was not recorded
id: perubahan tidak tercatat

en: the new snapshot is in place, but {1}
id: snapshot baru sudah terpasang, tetapi {1}

en: cannot write the snapshot
id: tidak dapat menulis snapshot

en: the snapshot holds every change, but the journal could not be emptied ({1}); its lines are skipped when the store is next opened
id: snapshot sudah memuat semua perubahan, tetapi jurnal tidak dapat dikosongkan ({1}); baris-barisnya dilewati saat penyimpanan dibuka berikutnya

en: changes written since the last successful sync may not be on disk: {1}
id: perubahan yang ditulis sejak sinkronisasi terakhir yang berhasil mungkin belum ada di disk: {1}

en: changes written since the last successful sync may not be on disk
id: perubahan yang ditulis sejak sinkronisasi terakhir yang berhasil mungkin belum ada di disk

en: could not fold the journal into the snapshot ({1}); nothing is lost: the journal keeps every change, and a later run folds it
id: jurnal tidak dapat dilebur ke dalam snapshot ({1}); tidak ada yang hilang: jurnal menyimpan semua perubahan, dan proses berikutnya meleburnya

en: snapshot '{1}' is saved, but {2}
id: snapshot '{1}' sudah disimpan, tetapi {2}

en: cannot write snapshot '{1}'
id: tidak dapat menulis snapshot '{1}'

en: snapshot '{1}' is deleted, but {2}: after a power cut it may be back
id: snapshot '{1}' sudah dihapus, tetapi {2}: setelah listrik padam snapshot itu mungkin muncul kembali

en: a temporary file a writer left when it was stopped (it may hold personal data); the next process that writes removes it
id: berkas sementara yang ditinggalkan penulis saat dihentikan (mungkin memuat data pribadi); proses berikutnya yang menulis akan menghapusnya

en: not a file of the store; move it out of the store directory
id: bukan berkas penyimpanan; pindahkan keluar dari direktori penyimpanan

en: not a named snapshot; move it out of the store directory
id: bukan snapshot bernama; pindahkan keluar dari direktori penyimpanan

en: is not a directory of this user's, or is a link; the store never follows links
id: bukan direktori milik pengguna ini, atau berupa tautan; penyimpanan tidak pernah mengikuti tautan

en: a symbolic link
id: sebuah tautan simbolik

en: not a regular file
id: bukan berkas biasa

en: the number {1}
id: angka {1}

en: a string "{1}"
id: string "{1}"

en: a list
id: daftar

en: an object
id: objek

en: true or false
id: true atau false

en: a number
id: angka

en: a string
id: string

en: change '{1}' names an unknown record kind {2}
id: perubahan '{1}' menyebut jenis catatan yang tidak dikenal {2}

en: '{1}' is not a {2} id
id: '{1}' bukan id {2}

en: "tables" must be an object of record kinds, not {1}
id: "tables" harus objek berisi jenis catatan, bukan {1}

en: "tables" has an unknown record kind '{1}'; this kemuning knows {2}
id: "tables" memuat jenis catatan yang tidak dikenal '{1}'; kemuning ini mengenal {2}

en: tables.{1} must be a list of records, not {2}
id: tables.{1} harus daftar catatan, bukan {2}

en: '{1}' is not a {2} id ({3}1, {4}2, ...)
id: '{1}' bukan id {2} ({3}1, {4}2, ...)

en: tables.{1}[{2}]{3}: {4}
id: tables.{1}[{2}]{3}: {4}

en: "policies" must be an object, not {1}
id: "policies" harus objek, bukan {1}

en: policy '{1}' must be a string, not {2}
id: kebijakan '{1}' harus string, bukan {2}

en: this is not a kemuning snapshot (its "format" is {1}, not "{2}")
id: ini bukan snapshot kemuning ("format"-nya {1}, bukan "{2}")

en: "version" must be a whole number, not {1}
id: "version" harus bilangan bulat, bukan {1}

en: unknown key '{1}' at the top level; this kemuning reads only {2}
id: kunci tidak dikenal '{1}' di tingkat teratas; kemuning ini hanya membaca {2}

en: the key '{1}' appears twice
id: kunci '{1}' muncul dua kali

en: '{1}' must be a list of records, not {2}
id: '{1}' harus daftar catatan, bukan {2}

en: the snapshot has no "{1}"
id: snapshot tidak memuat "{1}"

en: unknown key '{1}'; this kemuning does not know it, so it would be lost (written by a newer kemuning?)
id: kunci tidak dikenal '{1}'; kemuning ini tidak mengenalnya, sehingga kunci itu akan hilang (ditulis oleh kemuning yang lebih baru?)

en: no '{1}' (this kemuning always writes it)
id: tidak ada '{1}' (kemuning ini selalu menuliskannya)

en: '{1}' does not read back as it was written
id: '{1}' tidak terbaca kembali seperti saat ditulis

en: '{1}' must be {2}, not {3}
id: '{1}' harus {2}, bukan {3}

en: "counters" must be an object of id prefixes and numbers, not {1}
id: "counters" harus objek berisi awalan id dan angka, bukan {1}

en: "counters" has no '{1}', though {2} ids are in use: without it an id could be handed out twice
id: "counters" tidak memuat '{1}', padahal id {2} sedang dipakai: tanpanya satu id bisa diberikan dua kali

en: "counters" has an unknown id prefix '{1}'
id: "counters" memuat awalan id yang tidak dikenal '{1}'

en: counter '{1}'
id: penghitung '{1}'

en: counter '{1}' is {2}, below the highest id in use ({3}{4})
id: penghitung '{1}' bernilai {2}, di bawah id tertinggi yang dipakai ({3}{4})

en: cannot inspect
id: tidak dapat memeriksa

en: {1} belongs to user {2}, not to you (user {3}); a store must be its owner's alone. Fix: chown -R {4} {5}, or use another --store
id: {1} milik pengguna {2}, bukan milik Anda (pengguna {3}); penyimpanan hanya boleh milik pemiliknya sendiri. Perbaiki: chown -R {4} {5}, atau gunakan --store lain

en: {1} can be written by others (mode {2}): anyone could change the records or plant files in it. Fix: chmod 700 {3}
id: {1} dapat ditulisi orang lain (mode {2}): siapa pun dapat mengubah catatan atau menaruh berkas di dalamnya. Perbaiki: chmod 700 {3}

en: a regular file
id: berkas biasa

en: {1} is not a regular file ({2}); the store holds only regular files. Remove it or use another --store
id: {1} bukan berkas biasa ({2}); penyimpanan hanya memuat berkas biasa. Hapus atau gunakan --store lain

en: {1} belongs to user {2}, not to you (user {3}); refusing to use it
id: {1} milik pengguna {2}, bukan milik Anda (pengguna {3}); menolak memakainya

en: {1} is a symbolic link; the store never follows links in it (expected {2}). Remove the link or use another --store
id: {1} adalah tautan simbolik; penyimpanan tidak pernah mengikuti tautan di dalamnya (seharusnya {2}). Hapus tautan itu atau gunakan --store lain

en: {1} is not {2}
id: {1} bukan {2}

en: {1} is not {2} (a device or socket)
id: {1} bukan {2} (sebuah perangkat atau soket)

en: cannot truncate
id: tidak dapat memotong

en: cannot delete
id: tidak dapat menghapus

en: policy '{1}': {2}
id: kebijakan '{1}': {2}

en: policy '{1}' is written '{2}', not as '{3}'
id: kebijakan '{1}' tertulis '{2}', bukan '{3}'

en: unknown policy '{1}'
id: kebijakan tidak dikenal '{1}'

en: vacancy {1} skb: {2}
id: lowongan {1} skb: {2}

en: '{1}' is "{2}", which this kemuning would read as "{3}"
id: '{1}' bernilai "{2}", yang akan dibaca kemuning ini sebagai "{3}"

en: {1} is larger than {2} bytes, the most this kemuning reads
id: {1} lebih besar dari {2} byte, batas yang dibaca kemuning ini

"""#
