// Bahasa Indonesia for vacancy categories (formasi khusus) and their SKD marks (issue 15).
// Same format as `Catalog+id.swift`.
let catalogIndonesianCategories15 = #"""
en: general
id: umum
en: cum laude graduates
id: lulusan cum laude
en: the Indonesian diaspora
id: diaspora Indonesia
en: people with disabilities
id: penyandang disabilitas
en: sons and daughters of Papua
id: putra/putri Papua
en: sons and daughters of disadvantaged regions
id: putra/putri daerah tertinggal
en: category
id: kategori formasi
en: CATEGORY
id: KATEGORI
en: SKD pass marks a new general vacancy takes
id: nilai ambang batas SKD yang dipakai formasi umum baru
en: SKD pass marks a new vacancy for cum laude graduates takes
id: nilai ambang batas SKD yang dipakai formasi baru untuk lulusan cum laude
en: SKD pass marks a new vacancy for the Indonesian diaspora takes
id: nilai ambang batas SKD yang dipakai formasi baru untuk diaspora Indonesia
en: SKD pass marks a new vacancy for people with disabilities takes
id: nilai ambang batas SKD yang dipakai formasi baru untuk penyandang disabilitas
en: SKD pass marks a new vacancy for sons and daughters of Papua takes
id: nilai ambang batas SKD yang dipakai formasi baru untuk putra/putri Papua
en: SKD pass marks a new vacancy for sons and daughters of disadvantaged regions takes
id: nilai ambang batas SKD yang dipakai formasi baru untuk putra/putri daerah tertinggal
en: pass marks need at least one mark
id: nilai ambang batas perlu paling sedikit satu nilai
en: {1}, each on its own
id: {1}, masing-masing tersendiri
en: {1}; the total is TWK + TIU + TKP
id: {1}; total adalah TWK + TIU + TKP
en: bad pass marks '{1}': expected MARK=NUMBER pairs with marks total, twk, tiu, tkp, like twk=65,tiu=80,tkp=166 or total=311,tiu=85
id: nilai ambang batas '{1}' tidak valid: harus berupa pasangan MARK=NUMBER dengan total, twk, tiu, tkp, seperti twk=65,tiu=80,tkp=166 atau total=311,tiu=85
en: bad pass mark '{1}' in '{2}': the marks are total, twk, tiu and tkp
id: nilai ambang batas '{1}' dalam '{2}' tidak dikenal: yang ada total, twk, tiu dan tkp
en: the {1} pass mark is given twice in '{2}'
id: nilai ambang batas {1} diberikan dua kali dalam '{2}'
en: small (at least 0)
id: kecil (paling sedikit 0)
en: large (at most {1})
id: besar (paling banyak {1})
en: bad {1} pass mark '{2}': too {3}
id: nilai ambang batas {1} '{2}' salah: terlalu {3}
en: bad pass marks '{1}': {2}
id: nilai ambang batas '{1}' tidak valid: {2}
en: write every mark the vacancy is checked against, like {1}
id: tulis setiap nilai ambang batas yang berlaku untuk formasi ini, seperti {1}
en: at least one mark is needed
id: perlu paling sedikit satu nilai ambang batas
en: marks per part name all three parts (twk, tiu, tkp), or come with a total; {1} not given
id: nilai ambang batas per bagian harus menyebut ketiga bagian (twk, tiu, tkp), atau disertai total; {1} tidak diberikan
en:  Its seats are reserved for {1}.
id:  Formasi ini khusus untuk {1}.
en: {1} opens {2} for {3} {4}.{5} Final score = 40% SKD (total / 550 x 100) + 60% SKB.
id: {1} membuka {2} untuk {3} {4}.{5} Nilai akhir = 40% SKD (total / 550 x 100) + 60% SKB.
en: {1}.{2} Education: {3}. Registration {4} to {5}.
id: {1}.{2} Pendidikan: {3}. Pendaftaran {4} s.d. {5}.
en:  for {1}
id:  untuk {1}
en: {1} {2}: {3}, {4}. {5}{6}, education {7}. Registration {8} to {9} on the portal.
id: {1} {2}: {3}, {4}. {5}{6}, pendidikan {7}. Daftar {8} s.d. {9} di portal.
en: how many applications reached each stage, and how many seats were filled
id: jumlah lamaran yang mencapai tiap tahap, dan jumlah kursi formasi yang terisi
en: only this vacancy (else every vacancy, or those of --category)
id: hanya formasi ini (jika tidak, semua formasi, atau formasi dengan --category)
en: {1} is a {2} vacancy, not {3}
id: {1} adalah formasi {2}, bukan {3}
en: {1}: {2} of {3} filled by a hire.
id: {1}: {2} dari {3} terisi oleh pengangkatan.
en: whom the seats are for: general, or a special category with its own SKD marks
id: untuk siapa formasi ini: umum, atau kategori khusus dengan nilai ambang batas SKD sendiri
en: SKD pass marks, exactly as written: any of total, twk, tiu, tkp (total=311,tiu=85)
id: nilai ambang batas SKD, persis seperti ditulis: total, twk, tiu, tkp (total=311,tiu=85)
en: the category's, from policy pass-marks-CATEGORY
id: milik kategorinya, dari kebijakan pass-marks-CATEGORY
en: only vacancies of this category
id: hanya formasi dengan kategori ini
en: vacancy {1} category {2} is unknown
id: lowongan {1}: kategori {2} tidak dikenal
en: vacancy {1} passMarks has an unknown mark '{2}'
id: lowongan {1}: passMarks memuat nilai ambang batas yang tidak dikenal '{2}'
en: vacancy {1} passMarks: {2}
id: lowongan {1}: passMarks: {2}
en: upgraded the Kemuning store in {1} from schema version {2} to {3}
id: penyimpanan Kemuning di {1} ditingkatkan dari versi skema {2} ke {3}
en: {1} has schema version {2}, which no kemuning wrote; nothing was changed
id: {1} memiliki versi skema {2}, yang tidak pernah ditulis kemuning; tidak ada yang diubah
en: cannot upgrade the store
id: tidak dapat meningkatkan penyimpanan
en: ok: schema version {1}; this kemuning's is {2}, and 'store init' upgrades it (its views gain columns; the data is the same)
id: ok: versi skema {1}; versi kemuning ini {2}, dan 'store init' meningkatkannya (view-nya mendapat kolom baru; datanya tetap sama)
"""#
