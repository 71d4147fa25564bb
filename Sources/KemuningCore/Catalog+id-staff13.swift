// Bahasa Indonesia for the staff lifecycle: appointment as PNS, NIP, transfer, leave and retirement.
// Same format as `Catalog+id.swift`.
let catalogIndonesianStaff13 = #"""
en: why
id: alasannya

en: {1} ({2}) is no longer in service: {3} on {4}
id: {1} ({2}) tidak lagi bertugas: {3} pada {4}

en: {1} ({2}) is not a senior: appointed PNS only on {3}
id: {1} ({2}) bukan senior: baru diangkat PNS pada {3}

en: {1} ({2}) is {3}, not CPNS: only a CPNS is appointed PNS
id: {1} ({2}) berstatus {3}, bukan CPNS: hanya CPNS yang diangkat menjadi PNS

en: {1} ({2}) is on probation until {3}: appointment is possible from {4}
id: {1} ({2}) masih dalam masa percobaan hingga {3}: pengangkatan dapat dilakukan mulai {4}

en: {1} ({2}) passed Latsar ({3}) only on {4}: appointment is possible from {5}
id: {1} ({2}) baru lulus Latsar ({3}) pada {4}: pengangkatan dapat dilakukan mulai {5}

en: {1} ({2}) has not passed Latsar: enrolled in {3} since {4}, no result yet; appointment is possible once it is passed
id: {1} ({2}) belum lulus Latsar: terdaftar di {3} sejak {4}, belum ada hasil; pengangkatan dapat dilakukan setelah lulus

en: {1} ({2}) failed Latsar ({3}) on {4}: appointment is possible once Latsar is passed
id: {1} ({2}) tidak lulus Latsar ({3}) pada {4}: pengangkatan dapat dilakukan setelah lulus Latsar

en: {1} ({2}) has not taken Latsar (basic training): appointment is possible once a training of topic latsar is passed
id: {1} ({2}) belum mengikuti Latsar (pelatihan dasar): pengangkatan dapat dilakukan setelah lulus pelatihan bertopik latsar

en: employee {1} 'transfers' is not a list
id: pegawai {1} 'transfers' bukan daftar

en: employee {1} transfer
id: mutasi pegawai {1}

en: set or correct a member of staff's NIP or name (hire creates staff without a NIP)
id: isi atau perbaiki NIP atau nama pegawai (hire membuat pegawai tanpa NIP)

en: Nomor Induk Pegawai: 18 digits, unique, with the employee's birth date
id: Nomor Induk Pegawai: 18 digit, unik, memuat tanggal lahir pegawai

en: appoint a CPNS as PNS once probation is over and Latsar is passed; records the date (TMT PNS)
id: angkat CPNS menjadi PNS setelah masa percobaan selesai dan lulus Latsar; mencatat tanggalnya (TMT PNS)

en: the CPNS
id: CPNS-nya

en: the date of appointment (TMT PNS)
id: tanggal pengangkatan (TMT PNS)

en: move a member of staff to another unit or position (mutasi); the earlier ones are kept
id: pindahkan pegawai ke unit atau jabatan lain (mutasi); riwayat sebelumnya disimpan

en: the new work unit
id: unit kerja baru

en: the new position (jabatan)
id: jabatan baru

en: the date of the move
id: tanggal mutasi

en: record that a member of staff left (resigned, moved away): status left
id: catat pegawai yang keluar (mengundurkan diri, pindah): status left

en: the last day of service
id: hari terakhir bertugas

en: record a member of staff's retirement (pensiun): status retired
id: catat pensiun pegawai: status retired

en: the date of retirement
id: tanggal pensiun

en: staff: add, list, show, set, appoint, transfer, leave, retire
id: pegawai: add, list, show, set, appoint, transfer, leave, retire

en: ended
id: berakhir

en: retired {1}
id: pensiun {1}

en: left {1}: {2}
id: keluar {1}: {2}

en: appointed
id: diangkat PNS

en: transfers
id: mutasi

en: {1}: {2}, {3} to {4}, {5}
id: {1}: {2}, {3} ke {4}, {5}

en: {1} is before {2}'s last transfer ({3})
id: {1} sebelum mutasi terakhir {2} ({3})

en: give what to set: --nip or --name
id: sebutkan yang diisi: --nip atau --name

en: the NIP's birth date ({1}) is not {2}'s birth date ({3})
id: tanggal lahir dalam NIP ({1}) bukan tanggal lahir {2} ({3})

en: {1} joined on {2}, not after the birth date in the NIP ({3})
id: {1} mulai bertugas pada {2}, tidak setelah tanggal lahir dalam NIP ({3})

en: {1} ({2}) unchanged
id: {1} ({2}) tidak berubah

en: employee details corrected
id: data pegawai diperbaiki

en: {1} ({2}): NIP {3}
id: {1} ({2}): NIP {3}

en: cannot appoint: {1}
id: tidak dapat mengangkat: {1}

en: appointed PNS from {1}
id: diangkat PNS mulai {1}

en: {1} ({2}) appointed PNS from {3}
id: {1} ({2}) diangkat PNS mulai {3}

en: give where to: --unit, --position or both
id: sebutkan tujuannya: --unit, --position atau keduanya

en: {1} is {2} in {3} already
id: {1} sudah menjabat {2} di {3}

en: transferred to {1}, {2} from {3}
id: dimutasi ke {1}, {2} mulai {3}

en: {1} ({2}) transferred from {3}, {4} to {5}, {6} on {7}
id: {1} ({2}) dimutasi dari {3}, {4} ke {5}, {6} pada {7}

en: left service on {1}
id: keluar pada {1}

en: retired on {1}
id: pensiun pada {1}

en: {1} ({2}) left service on {3}
id: {1} ({2}) keluar pada {3}

en: {1} ({2}) retired on {3}
id: {1} ({2}) pensiun pada {3}

en: ; close their mentorships: {1}
id: ; tutup pembimbingannya: {1}
"""#
