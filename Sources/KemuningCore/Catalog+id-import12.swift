// Bahasa Indonesia for the messages of `import KIND FILE` (issue 12). Same format as
// `Catalog+id.swift`.
let catalogIndonesianImport12 = #"""
en: imports from spreadsheets (CSV), all or nothing: applicants, screening, skd, skb, interviews, staff, participants, requests, holidays, responses
id: impor dari lembar kerja (CSV), semua atau tidak sama sekali: applicants, screening, skd, skb, interviews, staff, participants, requests, holidays, responses

en: register applicants and their applications from a CSV file (one row each); all or nothing
id: daftarkan pelamar beserta lamarannya dari berkas CSV (satu baris per pelamar); semua atau tidak sama sekali

en: the vacancy of rows that name none
id: formasi untuk baris yang tidak menyebutkannya

en: record screening results (MS/TMS with the reason) from a CSV file; all or nothing
id: catat hasil seleksi administrasi (MS/TMS beserta alasannya) dari berkas CSV; semua atau tidak sama sekali

en: no result
id: tidak ada hasil

en: '{1}' is not a screening result: write MS or TMS (pass or fail)
id: '{1}' bukan hasil seleksi administrasi: tulis MS atau TMS

en: record SKD scores (TWK, TIU, TKP) from the CAT system's CSV file; all or nothing
id: catat nilai SKD (TWK, TIU, TKP) dari berkas CSV sistem CAT; semua atau tidak sama sekali

en: record SKB scores (CAT, practical, certificate) from a CSV file; all or nothing
id: catat nilai SKB (CAT, praktik, sertifikat) dari berkas CSV; semua atau tidak sama sekali

en: record interview sheets (one row per panel member and candidate, items 1-5) from a CSV file; all or nothing
id: catat lembar wawancara (satu baris per pewawancara dan peserta, butir 1-5) dari berkas CSV; semua atau tidak sama sekali

en: add staff from the personnel list's CSV file (NIP, name, unit, position, since, status); all or nothing
id: tambahkan pegawai dari berkas CSV daftar kepegawaian (NIP, nama, unit, jabatan, TMT, status); semua atau tidak sama sekali

en: enrol staff in a training from a CSV file (employee id or NIP per row); all or nothing
id: daftarkan pegawai ke pelatihan dari berkas CSV (ID pegawai atau NIP per baris); semua atau tidak sama sekali

en: the training of rows that name none
id: pelatihan untuk baris yang tidak menyebutkannya

en: record service requests (received, and done if finished) from a CSV file; all or nothing
id: catat permohonan layanan (tanggal masuk, dan selesai bila sudah) dari berkas CSV; semua atau tidak sama sekali

en: the service of rows that name none
id: layanan untuk baris yang tidak menyebutkannya

en: add survey responses (nine scores U1-U9, 1-4) from a CSV file; all or nothing
id: tambahkan jawaban survei (sembilan nilai U1-U9, 1-4) dari berkas CSV; semua atau tidak sama sekali

en: a CSV file with a header row (UTF-8, `,` or `;`, decimal commas, dates as 2026-11-29 or 29/11/2026)
id: berkas CSV dengan baris judul kolom (UTF-8, `,` atau `;`, koma desimal, tanggal 2026-11-29 atau 29/11/2026)

en: HEADER=FIELD: read a column of another name as a field ({1})
id: JUDUL=ISIAN: baca kolom bernama lain sebagai isian ({1})

en: check every row and report, changing nothing
id: periksa setiap baris dan laporkan, tanpa mengubah apa pun

en: {1} is empty: it needs a header row and a row per record
id: {1} kosong: perlu baris judul kolom dan satu baris per data

en: {1} has a header row and no rows
id: {1} hanya berisi baris judul kolom, tanpa baris data

en: bad row
id: baris salah

en: bad rows
id: baris salah

en: {1} has {2}, so nothing was imported:
id: {1} memiliki {2}, sehingga tidak ada yang diimpor:

en: ... and {1} more
id: ... dan {1} lagi

en: row
id: baris

en: rows
id: baris

en: {1}: {2} checked, all would be imported; nothing was changed
id: {1}: {2} diperiksa, semua dapat diimpor; tidak ada yang diubah

en: {1}: {2} imported ({3})
id: {1}: {2} diimpor ({3})

en: columns not read: {1}
id: kolom yang tidak dibaca: {1}

en: --map '{1}' is not HEADER=FIELD with one of the fields {2}
id: --map '{1}' bukan JUDUL=ISIAN dengan salah satu isian {2}

en: --map '{1}': {2} has no column '{3}'
id: --map '{1}': {2} tidak memiliki kolom '{3}'

en: its columns are {1}
id: kolomnya adalah {1}

en: {1}:{2}:{3}: columns '{4}' and '{5}' both hold {6}
id: {1}:{2}:{3}: kolom '{4}' dan '{5}' sama-sama berisi {6}

en: rename one, or read it as another field with --map
id: ganti nama salah satunya, atau baca sebagai isian lain dengan --map

en: {1} has no column for {2}
id: {1} tidak memiliki kolom untuk {2}

en: name a column of another header with --map "HEADER={1}"
id: tunjuk kolom dengan judul lain dengan --map "JUDUL={1}"

en: '{1}' is not a number: write one decimal mark, as 3,62 or 3.62, with no thousands separator
id: '{1}' bukan angka: tulis satu tanda desimal, seperti 3,62 atau 3.62, tanpa pemisah ribuan

en: '{1}' is not a date: write 29/11/2026 (day/month/year) or 2026-11-29
id: '{1}' bukan tanggal: tulis 29/11/2026 (hari/bulan/tahun) atau 2026-11-29

en: {1}:{2}:{3} ({4}): {5} (the cell reads '{6}')
id: {1}:{2}:{3} ({4}): {5} (isi sel: '{6}')

en: (column {1})
id: (kolom {1})

en: no vacancy: give a column 'Formasi' (an id such as V1, or a title) or --vacancy V
id: tidak ada formasi: beri kolom 'Formasi' (ID seperti V1, atau nama jabatan) atau --vacancy V

en: no announced vacancy is titled '{1}'
id: tidak ada formasi yang diumumkan dengan nama '{1}'

en: {1} announced vacancies are titled '{2}': write the id ({3})
id: {1} formasi yang diumumkan bernama '{2}': tulis ID-nya ({3})

en: no application has participant number '{1}'
id: tidak ada lamaran dengan nomor peserta '{1}'

en: no applicant has NIK {1}
id: tidak ada pelamar dengan NIK {1}

en: applicant {1} (NIK {2}) has no application in a round under way
id: pelamar {1} (NIK {2}) tidak memiliki lamaran pada seleksi yang sedang berjalan

en: applicant {1} has {2} applications under way: give the participant number
id: pelamar {1} memiliki {2} lamaran yang sedang berjalan: beri nomor peserta

en: no application: give a column 'Nomor Peserta', 'NIK' or 'ID Lamaran'
id: tidak ada lamaran: beri kolom 'Nomor Peserta', 'NIK' atau 'ID Lamaran'

en: '{1}' is neither hadir nor tidak hadir (present or absent)
id: '{1}' bukan hadir maupun tidak hadir

en: no employee has NIP {1}
id: tidak ada pegawai dengan NIP {1}

en: no employee: give a column 'NIP' or 'ID Pegawai'
id: tidak ada pegawai: beri kolom 'NIP' atau 'ID Pegawai'

en: no {1}: give a column for it or --{2}
id: tidak ada {1}: beri kolomnya atau --{2}

en: import
id: impor

en: '{1}' is a number Excel rounded, not the {2} it was: format the column as Text in the sheet and export it again
id: '{1}' adalah angka yang dibulatkan Excel, bukan {2} aslinya: format kolomnya sebagai Teks di lembar kerja lalu ekspor ulang

"""#
