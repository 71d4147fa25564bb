// Bahasa Indonesia for the PostgreSQL store and several operators (issue 14): connecting,
// the schema, the write lock, copies between stores, and SKD corrections. Same format as
// `Catalog+id.swift`.
let catalogIndonesianPostgres14 = #"""
en: PostgreSQL {1}.{2}
id: PostgreSQL {1}.{2}

en: SKD {1}
id: SKD {1}

en: add --correct to replace it; the audit trail keeps both
id: tambahkan --correct untuk menggantinya; jejak audit menyimpan keduanya

en: an empty store: a directory or postgresql://...
id: penyimpanan yang kosong: sebuah folder atau postgresql://...

en: cannot connect to the PostgreSQL store {1}: {2}
id: tidak dapat terhubung ke penyimpanan PostgreSQL {1}: {2}

en: cannot create the store
id: tidak dapat membuat penyimpanan

en: cannot delete snapshot '{1}'
id: tidak dapat menghapus snapshot '{1}'

en: cannot fold the changes into the snapshot
id: tidak dapat melipat perubahan ke dalam snapshot

en: cannot list the snapshots
id: tidak dapat mendaftar snapshot

en: cannot open the store
id: tidak dapat membuka penyimpanan

en: cannot read the changes
id: tidak dapat membaca perubahan

en: cannot read the changes of the other sessions
id: tidak dapat membaca perubahan dari sesi lain

en: cannot read {1}
id: tidak dapat membaca {1}

en: cannot replace the records
id: tidak dapat mengganti rekaman

en: cannot start the command's transaction
id: tidak dapat memulai transaksi perintah

en: cannot take the store's write lock
id: tidak dapat mengambil kunci tulis penyimpanan

en: cannot use the connection to {1} without blocking
id: tidak dapat memakai koneksi ke {1} tanpa memblokir

en: cannot write the undo log
id: tidak dapat menulis log pembatalan

en: change {1} was committed by another session first (it did not take the write lock); nothing of this command was recorded
id: perubahan {1} lebih dulu disimpan oleh sesi lain (sesi itu tidak mengambil kunci tulis); tidak ada bagian dari perintah ini yang dicatat

en: change {1}, by {2}, does not apply to this session's state: {3}; nothing was changed
id: perubahan {1}, oleh {2}, tidak dapat diterapkan pada keadaan sesi ini: {3}; tidak ada yang diubah

en: changes
id: perubahan

en: copied {1} to {2}: {3}, {4}
id: {1} disalin ke {2}: {3}, {4}

en: copy a store (- for this one) into another, empty one: a directory or postgresql://...
id: salin sebuah penyimpanan (- untuk yang ini) ke penyimpanan lain yang kosong: sebuah folder atau postgresql://...

en: could not send to the PostgreSQL store
id: tidak dapat mengirim ke penyimpanan PostgreSQL

en: create the database with: CREATE DATABASE NAME ENCODING 'UTF8' TEMPLATE template0
id: buat basis datanya dengan: CREATE DATABASE NAME ENCODING 'UTF8' TEMPLATE template0

en: created a Kemuning store in {1} (schema version {2})
id: penyimpanan Kemuning dibuat di {1} (skema versi {2})

en: internal error: a change to the PostgreSQL store outside a command's transaction
id: kesalahan internal: perubahan pada penyimpanan PostgreSQL di luar transaksi perintah

en: interrupted while waiting for the PostgreSQL store
id: dihentikan saat menunggu penyimpanan PostgreSQL

en: kemuning.changes (after change {1})
id: kemuning.changes (setelah perubahan {1})

en: kemuning.changes: change {1} does not read: {2}; nothing was changed
id: kemuning.changes: perubahan {1} tidak terbaca: {2}; tidak ada yang diubah

en: kemuning.changes: the row of change {1} holds change {2}; nothing was changed
id: kemuning.changes: baris perubahan {1} berisi perubahan {2}; tidak ada yang diubah

en: log in as another role to work as someone else (PGUSER, or the user in the store's URL)
id: masuk sebagai role lain untuk bekerja sebagai orang lain (PGUSER, atau pengguna di URL penyimpanan)

en: make what a new store needs (a PostgreSQL store's tables and views)
id: buat yang diperlukan penyimpanan baru (tabel dan view penyimpanan PostgreSQL)

en: named snapshot
id: snapshot bernama

en: no: read-only role
id: tidak: role hanya-baca

en: ok: schema version {1}
id: ok: skema versi {1}

en: ok: {1} changes; the snapshot and the changes after it replay to change {2}
id: ok: {1} perubahan; snapshot dan perubahan sesudahnya diputar ulang sampai perubahan {2}

en: ok: {1} read whole
id: ok: {1} terbaca utuh

en: ok: {1} records, as the changes make them
id: ok: {1} rekaman, sesuai hasil perubahan

en: on a PostgreSQL store the operator is the database role this session logged in as ('{1}'), not a setting
id: pada penyimpanan PostgreSQL operator adalah role basis data yang dipakai sesi ini untuk masuk ('{1}'), bukan pengaturan

en: out of memory
id: memori habis

en: record it without --correct
id: catat tanpa --correct

en: replace a result recorded already (the audit trail keeps both)
id: ganti hasil yang sudah dicatat (jejak audit menyimpan keduanya)

en: schema version
id: versi skema

en: snapshot '{1}'
id: snapshot '{1}'

en: snapshot change
id: perubahan snapshot

en: snapshots
id: snapshot

en: the PostgreSQL store did not answer within {1} seconds (KEMUNING_STORE_TIMEOUT)
id: penyimpanan PostgreSQL tidak menjawab dalam {1} detik (KEMUNING_STORE_TIMEOUT)

en: the changes are not numbered from 1 (or from a copied state) to {1} without a gap ({2} rows from {3})
id: perubahan tidak bernomor dari 1 (atau dari keadaan yang disalin) sampai {1} tanpa celah ({2} baris mulai {3})

en: the command's changes were not recorded
id: perubahan dari perintah ini tidak dicatat

en: the connection to the PostgreSQL store was lost
id: koneksi ke penyimpanan PostgreSQL terputus

en: the connection to the PostgreSQL store was lost while the command's changes were committed: they may or may not be recorded ({1}); the next command shows the store as it is
id: koneksi ke penyimpanan PostgreSQL terputus saat perubahan perintah disimpan: perubahan itu mungkin tercatat, mungkin tidak ({1}); perintah berikutnya menunjukkan penyimpanan apa adanya

en: the database's encoding is {1}, not UTF8: names in Indonesian and other scripts would not fit
id: pengodean basis data adalah {1}, bukan UTF8: nama dalam bahasa Indonesia dan aksara lain tidak akan muat

en: the new state was not recorded
id: keadaan baru tidak dicatat

en: the records table differs from the changes: {1} records missing or different, {2} not in the state
id: tabel rekaman berbeda dari perubahan: {1} rekaman hilang atau berbeda, {2} tidak ada di keadaan

en: the role '{1}' may not do this on the store ({2}); see the grants in docs/POSTGRESQL.md
id: role '{1}' tidak boleh melakukan ini pada penyimpanan ({2}); lihat hak akses di docs/POSTGRESQL.md

en: the role '{1}' may only read this store (it has no INSERT on kemuning.changes); see the grants in docs/POSTGRESQL.md
id: role '{1}' hanya boleh membaca penyimpanan ini (tidak punya INSERT pada kemuning.changes); lihat hak akses di docs/POSTGRESQL.md

en: the store kept changing under the command: it was not run
id: penyimpanan terus berubah selama perintah berjalan: perintah tidak dijalankan

en: the store to copy: a directory, postgresql://..., or - for this one
id: penyimpanan yang disalin: sebuah folder, postgresql://..., atau - untuk yang ini

en: the store {1} is of schema version {2}, newer than this kemuning knows ({3}); nothing was changed
id: penyimpanan {1} memakai skema versi {2}, lebih baru dari yang dikenal kemuning ini ({3}); tidak ada yang diubah

en: this session cannot open a PostgreSQL store
id: sesi ini tidak dapat membuka penyimpanan PostgreSQL

en: use a newer kemuning
id: pakai kemuning yang lebih baru

en: {1} already holds a Kemuning store (schema version {2}): nothing to do
id: {1} sudah berisi penyimpanan Kemuning (skema versi {2}): tidak ada yang perlu dilakukan

en: {1} already holds {2}: a store is copied only into an empty one
id: {1} sudah berisi {2}: penyimpanan hanya disalin ke penyimpanan yang kosong

en: {1} has its SKD result already ({2}, {3}): a recorded result changes only as a correction
id: {1} sudah punya hasil SKD ({2}, {3}): hasil yang sudah dicatat hanya berubah sebagai koreksi

en: {1} has no SKD result to correct
id: {1} tidak punya hasil SKD untuk dikoreksi

en: {1} has no schema version: it is not a Kemuning store, or a damaged one
id: {1} tidak punya versi skema: ini bukan penyimpanan Kemuning, atau penyimpanan yang rusak

en: {1} holds no Kemuning store ({2})
id: {1} tidak berisi penyimpanan Kemuning ({2})

en: {1} needs nothing made first: a file store is made by its first change
id: {1} tidak perlu dibuat lebih dulu: penyimpanan berkas dibuat oleh perubahan pertamanya

en: {1} was changed by {2} at {3} ('{4}', change {5}) since this session's previous command
id: {1} diubah oleh {2} pada {3} ('{4}', perubahan {5}) sejak perintah sebelumnya di sesi ini

en: {1}: the snapshot does not read: {2} at byte {3}; nothing was changed
id: {1}: snapshot tidak terbaca: {2} pada bita {3}; tidak ada yang diubah

en: {1}: the snapshot does not read: {2}; nothing was changed
id: {1}: snapshot tidak terbaca: {2}; tidak ada yang diubah
"""#
