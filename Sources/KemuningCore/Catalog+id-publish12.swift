// Bahasa Indonesia for the messages of participant numbers and publications (issue 12).
// Same format as `Catalog+id.swift`.
let catalogIndonesianPublish12 = #"""
en: {1}: {2}, participant number {3}
id: {1}: {2}, nomor peserta {3}

en: PARTICIPANT NO.
id: NO. PESERTA

en: participant no.
id: no. peserta

en: Participant no.
id: No. peserta

en: application {1} has participant number '{2}', which is not 11 to 20 digits
id: lamaran {1} memiliki nomor peserta '{2}', yang bukan 11 sampai 20 angka

en: the public announcement of a stage (announcement, screening, skd, final), in Bahasa Indonesia unless --lang en; --to writes .md, .csv or .html
id: pengumuman publik suatu tahap (announcement, screening, skd, final), dalam Bahasa Indonesia kecuali --lang en; --to menulis .md, .csv atau .html

en: which announcement: the vacancy, or the result of screening, SKD or the final ranking
id: pengumuman yang mana: formasi, atau hasil seleksi administrasi, SKD atau peringkat akhir

en: write it to FILE: .md, .csv or .html (a printable A4 page); a social post to .txt
id: tulis ke FILE: .md, .csv atau .html (halaman A4 siap cetak); unggahan media sosial ke .txt

en: the language of the publication
id: bahasa pengumuman

en: with --stage announcement: a social-media post (at most 280 characters), the full portal text, or a one-page job-fair handout
id: dengan --stage announcement: unggahan media sosial (paling banyak 280 karakter), teks lengkap untuk portal, atau selebaran satu halaman untuk bursa kerja

en: --channel is for --stage announcement only
id: --channel hanya untuk --stage announcement

en: {1} is a draft: it has no announcement yet
id: {1} masih draf: belum ada pengumumannya

en: announce it: vacancy announce {1} --channel portal
id: umumkan dulu: vacancy announce {1} --channel portal

en: {1} is in {2}: its screening has not started
id: {1} berada di tahap {2}: seleksi administrasinya belum dimulai

en: {1}'s screening is not complete: {2} without a result ({3}{4})
id: seleksi administrasi {1} belum selesai: {2} belum ada hasilnya ({3}{4})

en: record each with: screen P --pass, or screen P --fail --reason TEXT
id: catat masing-masing dengan: screen P --pass, atau screen P --fail --reason TEKS

en: {1} is in {2}: its SKD ranking is fixed when it moves on to skb
id: {1} berada di tahap {2}: peringkat SKD-nya tetap setelah maju ke skb

en: see the ranking so far with: skd rank {1}
id: lihat peringkat sementara dengan: skd rank {1}

en: a social-media post is plain text: write it to a .txt file, not '{1}'
id: unggahan media sosial adalah teks biasa: tulis ke berkas .txt, bukan '{1}'

en: the handout has no table for a .csv file: write it to .md or .html
id: selebaran tidak memiliki tabel untuk berkas .csv: tulis ke .md atau .html

en: publish writes .md, .csv or .html files, not '{1}'
id: publish menulis berkas .md, .csv atau .html, bukan '{1}'

en: published to '{1}'
id: diterbitkan ke '{1}'

en: identity card (KTP-el)
id: KTP elektronik (KTP-el)

en: diploma (ijazah), legalised
id: ijazah yang dilegalisir

en: academic transcript (transkrip nilai)
id: transkrip nilai

en: recent passport photo (pas foto)
id: pas foto terbaru

en: application letter (surat lamaran)
id: surat lamaran

en: CAT test
id: tes CAT

en: practical test
id: tes praktik

en: interview
id: wawancara

en: certificate
id: sertifikat

en: any
id: semua jurusan


en: to be announced
id: akan diumumkan

en: registration: {1} to {2}
id: pendaftaran: {1} s.d. {2}

en: administrative screening: {1}
id: seleksi administrasi: {1}

en: SKD (computer-based basic competence test): {1}
id: SKD (seleksi kompetensi dasar dengan CAT): {1}

en: SKB (field competence test): {1}
id: SKB (seleksi kompetensi bidang): {1}

en: final results: {1}
id: pengumuman hasil akhir: {1}

en: work unit
id: unit kerja

en: SKD pass marks
id: nilai ambang batas SKD

en: going on to SKB
id: lanjut ke SKB

en: at most {1}, and all tied with the last of them
id: paling banyak {1}, ditambah semua yang nilainya sama dengan peserta terakhir

en: education: {1}
id: pendidikan: {1}

en: one application per person in this selection round
id: satu lamaran per orang dalam putaran seleksi ini

en: Requirements
id: Persyaratan

en: Schedule
id: Jadwal

en: Documents to bring
id: Dokumen yang dibawa

en: Job fairs
id: Bursa kerja

en: Selection
id: Tahapan seleksi

en: Item
id: Butir

en: Value
id: Keterangan

en: Reason
id: Alasan

en: Date
id: Tanggal

en: Objection
id: Sanggahan

en: Objection until
id: Batas sanggahan

en: Total
id: Total

en: Status
id: Status

en: Decided by
id: Penentu

en: Announcement of selection
id: Pengumuman seleksi



en: administrative screening, then SKD (pass marks {1}), then SKB ({2})
id: seleksi administrasi, lalu SKD (ambang batas {1}), lalu SKB ({2})


en: {1} after objection on {2}: {3}
id: {1} setelah sanggahan pada {2}: {3}

en: {1} after objection on {2}
id: {1} setelah sanggahan pada {2}

en: Administrative screening results
id: Hasil seleksi administrasi

en: MS: meets the requirements, and goes on to SKD with the participant number shown. TMS: does not meet them, for the reason shown.
id: MS: memenuhi syarat, dan lanjut ke SKD dengan nomor peserta yang tercantum. TMS: tidak memenuhi syarat, dengan alasan yang tercantum.

en: An objection (sanggahan) may be lodged within {1} days of the result: up to and including the day in the last column.
id: Sanggahan dapat diajukan dalam {1} hari setelah pengumuman hasil: paling lambat pada tanggal di kolom terakhir.

en: below the pass mark in {1}
id: di bawah nilai ambang batas {1}

en: SKD results
id: Hasil SKD

en: Pass marks: {1}. At most {2} ({3} x {4}) who pass every mark go on to SKB, and all tied with the last of them.
id: Nilai ambang batas: {1}. Paling banyak {2} ({3} x {4}) yang memenuhi semua ambang batas lanjut ke SKB, ditambah semua yang nilainya sama dengan peserta terakhir.

en: Places are decided by the final score, then the SKD total, TKP, TIU, TWK, GPA or school average, and age (older first); the last column names the rule that decided each place.
id: Urutan ditentukan oleh nilai akhir, lalu total SKD, TKP, TIU, TWK, IPK atau nilai rata-rata ijazah, dan usia (yang lebih tua lebih dulu); kolom terakhir menyebut aturan yang menentukan setiap urutan.

en: Optimalisasi: an empty seat of a vacancy for the same position goes to the best remaining candidate who passed the SKD marks.
id: Optimalisasi: formasi kosong suatu lowongan untuk jabatan yang sama diisi peserta terbaik berikutnya yang memenuhi ambang batas SKD.

en: GPA or school average
id: IPK atau nilai rata-rata ijazah

"""#
