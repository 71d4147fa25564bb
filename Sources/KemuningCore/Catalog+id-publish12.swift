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

"""#
