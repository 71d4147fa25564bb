// Bahasa Indonesia for the feedback loop of issue 13: deciding on evidence, the kinds of action,
// the minimum responses, what was done and whether it worked. Same format as `Catalog+id.swift`.
let catalogIndonesianLoop13 = #"""
en: improve
id: perbaikan layanan

en: measure
id: pengukuran

en: improved
id: membaik

en: worse
id: memburuk

en: unchanged
id: tidak berubah

en: not measurable yet
id: belum dapat diukur

en: IKM element score
id: nilai unsur IKM

en: late share
id: porsi terlambat

en: overdue complaint steps
id: tahap pengaduan yang lewat tenggat

en: staff gap
id: kekurangan pegawai

en: IKM score
id: nilai IKM

en: responses a survey needs before "recommend" acts on it (or its Krejcie-Morgan sample, when smaller)
id: jumlah tanggapan yang dibutuhkan survei sebelum "recommend" menindaklanjutinya (atau sampel Krejcie-Morgan-nya, bila lebih kecil)

en: responses:
id: responses:

en: responses:{1}
id: responses:{1}

en: ikm:{1}:{2}:{3}
id: ikm:{1}:{2}:{3}

en: forum:{1}:{2}:{3}
id: forum:{1}:{2}:{3}

en: ikm:
id: ikm:

en: complaint:
id: complaint:

en: what was done
id: apa yang dilakukan

en: when it was done
id: kapan dilakukan

en: {1} {2} has too few responses to act on; elements in grade D: {3}
id: {1} {2} memiliki terlalu sedikit tanggapan untuk ditindaklanjuti; unsur bermutu D: {3}

en: IKM elements {1} are in grade D
id: unsur IKM {1} bermutu D

en: element {1} score {2}
id: unsur {1} nilai {2}

en: training asked for by name
id: pelatihan diminta secara tegas

en: staff suffice by workload ({1}); no workload recorded for {2}
id: pegawai mencukupi menurut beban kerja ({1}); beban kerja belum tercatat untuk {2}

en: a service improvement ({1}), owned by the unit head
id: perbaikan layanan ({1}), menjadi tanggung jawab kepala unit

en: {1} with no keyword matched: for the unit head to review
id: {1} tanpa kata kunci yang cocok: untuk ditinjau kepala unit

en: set by the unit, not by how its staff work: owned by the unit head
id: ditetapkan oleh unit, bukan oleh cara kerja pegawainya: tanggung jawab kepala unit

en: staffing unknown: no workload tasks recorded for {1}
id: kecukupan pegawai tidak diketahui: belum ada tugas beban kerja yang tercatat untuk {1}

en: {1} of the {2} responses needed (min-responses, or the Krejcie-Morgan sample when smaller)
id: {1} dari {2} tanggapan yang dibutuhkan (min-responses, atau sampel Krejcie-Morgan bila lebih kecil)

en: service improvement by the unit head
id: perbaikan layanan oleh kepala unit

en: record the positions serving it, then their workload
id: catat jabatan yang melayaninya, lalu beban kerjanya

en: record the workload (workload task --position "{1}" ...)
id: catat beban kerjanya (workload task --position "{1}" ...)

en: collect {1} for {2}
id: kumpulkan {1} untuk {2}

en: more response
id: tanggapan lagi

en: more responses
id: tanggapan lagi

en: {1} was proposed on {2}: it cannot be done on {3}
id: {1} diusulkan pada {2}: tidak dapat selesai pada {3}

en: action done: {1}
id: tindakan selesai: {1}

en: {1} done on {2}: {3}
id: {1} selesai pada {2}: {3}

en: {1} proposes {2}: there is nothing for Kemuning to create
id: {1} mengusulkan {2}: tidak ada yang perlu dibuat oleh Kemuning

en: do it, then record it: action done {1} --outcome "..."
id: laksanakan, lalu catat: action done {1} --outcome "..."

en: done {1}: {2}
id: selesai {1}: {2}

en: OUTCOME
id: YANG DILAKUKAN

en: did they work
id: hasilnya
"""#
