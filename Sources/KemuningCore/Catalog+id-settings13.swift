// Bahasa Indonesia for settings that last (the configuration file, where each setting came
// from, `set --save`, the policy require-operator), the help of the program's modes and the
// key hint of `play --step` (issue 13, items 6 and 7). Same format as `Catalog+id.swift`.
let catalogIndonesianSettings13 = #"""
en: yes: every change needs a named operator, not 'unknown'
id: yes: setiap perubahan memerlukan operator yang bernama, bukan 'unknown'

en: {1} is yes or no, not '{2}'
id: {1} bernilai yes atau no, bukan '{2}'

en: also keep it in the configuration file, for the sessions to come (operator, lang, format, color, csv)
id: simpan juga di berkas konfigurasi, untuk sesi-sesi berikutnya (operator, lang, format, color, csv)

en: 'set --save' needs a setting: set NAME [VALUE] --save
id: 'set --save' memerlukan pengaturan: set NAME [VALUE] --save

en: '{1}' is not kept in the configuration file
id: '{1}' tidak disimpan di berkas konfigurasi

en: a date belongs to one session: set it in each script, or with KEMUNING_TODAY
id: tanggal berlaku untuk satu sesi: tetapkan di setiap skrip, atau dengan KEMUNING_TODAY

en: settings kept: {1}
id: pengaturan yang disimpan: {1}

en: there is no configuration file to save to: neither XDG_CONFIG_HOME nor HOME is set
id: tidak ada berkas konfigurasi untuk menyimpan: XDG_CONFIG_HOME maupun HOME tidak ditetapkan

en: saved {1} = {2} in {3}
id: {1} = {2} disimpan di {3}

en: set operator NAME (and keep it in {1} with: set operator NAME --save)
id: set operator NAME (dan simpan di {1} dengan: set operator NAME --save)

en: set operator NAME, or start kemuning with --operator NAME
id: set operator NAME, atau jalankan kemuning dengan --operator NAME

en: this store takes changes only from a named operator (policy require-operator), and none is set
id: penyimpanan ini hanya menerima perubahan dari operator yang bernama (kebijakan require-operator), dan belum ada yang ditetapkan

en: default
id: bawaan

en: config {1}:{2}
id: konfigurasi {1}:{2}

en: environment {1}
id: lingkungan {1}

en: option --{1}
id: opsi --{1}

en: set in this session
id: set dalam sesi ini

en: {1}:{2}: expected NAME = VALUE, not '{3}': ignored
id: {1}:{2}: seharusnya NAME = VALUE, bukan '{3}': diabaikan

en: {1}:{2}: unknown setting '{3}' (did you mean '{4}'?): ignored
id: {1}:{2}: pengaturan '{3}' tidak dikenal (maksud Anda '{4}'?): diabaikan

en: {1}:{2}: unknown setting '{3}': ignored
id: {1}:{2}: pengaturan '{3}' tidak dikenal: diabaikan

en: {1}:{2}: '{3}' is not kept in the configuration file: ignored
id: {1}:{2}: '{3}' tidak disimpan di berkas konfigurasi: diabaikan

en: {1}:{2}: {3}: ignored
id: {1}:{2}: {3}: diabaikan

en: {1}:{2}: '{3}' is also set on line {4}; the last one counts
id: {1}:{2}: '{3}' juga ditetapkan pada baris {4}; yang terakhir yang berlaku

en: configuration file {1} is a symbolic link: not read
id: berkas konfigurasi {1} adalah tautan simbolik: tidak dibaca

en: configuration file
id: berkas konfigurasi

en: configuration file {1} is not UTF-8 text: not read
id: berkas konfigurasi {1} bukan teks UTF-8: tidak dibaca

en: a value with a line break or a control character cannot be saved
id: nilai yang berisi pemisah baris atau karakter kontrol tidak dapat disimpan

en: cannot write configuration file {1}: it is {2}, not a regular file
id: tidak dapat menulis berkas konfigurasi {1}: itu adalah {2}, bukan berkas biasa

en: cannot create the folder of configuration file {1}: {2}
id: tidak dapat membuat folder berkas konfigurasi {1}: {2}

en: cannot write configuration file {1}: {2}
id: tidak dapat menulis berkas konfigurasi {1}: {2}
en: more options:\n  --operator NAME      the name recorded with each change (default: $KEMUNING_OPERATOR, else the\n                       configuration file, else $USER)\n  --step               play: wait for a key before each command: Enter or space runs it, s skips\n                       it, b goes back (undoing the last command), l opens a live prompt, q quits\n  --quiet              play --step: no line of key hints under the prompt\n  --delay MS           play: go on by itself MS milliseconds after each command\n  --speed CPS          play: type commands at CPS characters a second (default: 30)\n  --from SNAPSHOT      play on a scratch copy of a named snapshot of the store\n\nsettings that last: $XDG_CONFIG_HOME/kemuning/config (else ~/.config/kemuning/config), one\n'name = value' a line for operator, lang, format, color and csv; 'set NAME VALUE --save' writes it.\nAn option beats its environment variable, which beats the file; 'set' shows where each came from.
id: opsi lain:\n  --operator NAME      nama yang dicatat pada setiap perubahan (bawaan: $KEMUNING_OPERATOR, jika tidak\n                       berkas konfigurasi, jika tidak $USER)\n  --step               play: tunggu tombol sebelum setiap perintah: Enter atau spasi menjalankannya, s\n                       melewatinya, b kembali (membatalkan perintah terakhir), l membuka prompt langsung, q keluar\n  --quiet              play --step: tanpa baris petunjuk tombol di bawah prompt\n  --delay MS           play: lanjut sendiri MS milidetik setelah setiap perintah\n  --speed CPS          play: ketik perintah dengan CPS karakter per detik (bawaan: 30)\n  --from SNAPSHOT      play pada salinan sementara dari snapshot bernama di penyimpanan\n\npengaturan yang bertahan: $XDG_CONFIG_HOME/kemuning/config (jika tidak ~/.config/kemuning/config), satu\n'name = value' per baris untuk operator, lang, format, color, dan csv; 'set NAME VALUE --save' menuliskannya.\nOpsi mengalahkan variabel lingkungannya, yang mengalahkan berkas; 'set' menunjukkan asal setiap nilai.

en: the shell (reads a script from stdin when it is not a terminal)
id: shell (membaca skrip dari stdin jika bukan terminal)

en: run script files in order ('-' is stdin)
id: jalankan berkas skrip secara berurutan ('-' adalah stdin)

en: present a demo: narration, commands typed out, then run
id: sajikan demo: narasi, perintah diketik, lalu dijalankan

en: run commands given here
id: jalankan perintah yang diberikan di sini

en: check scripts without running them (also with -c or stdin)
id: periksa skrip tanpa menjalankannya (juga dengan -c atau stdin)

en: all or nothing: if any command fails, the store is left exactly as it was
id: semua atau tidak sama sekali: jika ada perintah gagal, penyimpanan tetap persis seperti semula

en: options:
id: opsi:

en: all the options: kemuning --help
id: semua opsi: kemuning --help

en: program mode
id: mode program

en: Enter or space: run · s: skip · b: back · l: live prompt · q: quit
id: Enter atau spasi: jalankan · s: lewati · b: kembali · l: prompt langsung · q: keluar
"""#
