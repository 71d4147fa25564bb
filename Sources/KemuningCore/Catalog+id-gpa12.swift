// Bahasa Indonesia for the messages of the school average as a GPA (the tie-break "IPK or
// school average"). Same format as `Catalog+id.swift`.
let catalogIndonesianGPA12 = #"""
en: --gpa for education {1} is the IPK, from 0.00 to 4.00 with at most 2 decimals, not {2}
id: --gpa untuk pendidikan {1} adalah IPK, dari 0.00 sampai 4.00 dengan paling banyak 2 angka desimal, bukan {2}

en: --gpa for education {1} is the school average (nilai rata-rata ijazah), from 0.00 to 100.00 with at most 2 decimals, not {2}
id: --gpa untuk pendidikan {1} adalah nilai rata-rata ijazah, dari 0.00 sampai 100.00 dengan paling banyak 2 angka desimal, bukan {2}

en: a school average (0.00 to 100.00) needs --education SD, SMP, SMA or SMK
id: nilai rata-rata ijazah (0.00 sampai 100.00) memerlukan --education SD, SMP, SMA atau SMK

en: only SD, SMP, SMA and SMK leavers are ranked on a school average (0.00 to 100.00)
id: hanya lulusan SD, SMP, SMA dan SMK yang diperingkat dengan nilai rata-rata ijazah (0.00 sampai 100.00)

en: IPK 0.00 to 4.00, or for SD, SMP, SMA and SMK the school average 0.00 to 100.00
id: IPK 0.00 sampai 4.00, atau untuk SD, SMP, SMA dan SMK nilai rata-rata ijazah 0.00 sampai 100.00

"""#
