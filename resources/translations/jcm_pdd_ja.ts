<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name />
    <message>
        <location filename="../../jcm_pdd/gui/attachments.py" line="37" />
        <location filename="../../jcm_pdd/gui/navigator.py" line="79" />
        <source>Attachments</source>
        <translation>添付ファイル</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/attachments.py" line="40" />
        <source>Images and PDFs kept inside the project file: the figure for C.2 and evidence for any field.</source>
        <translation>プロジェクトファイル内に保存される画像と PDF（C.2 の図や各項目の根拠資料）。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/attachments.py" line="46" />
        <source>Attached files</source>
        <translation>添付ファイル一覧</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/attachments.py" line="48" />
        <source>Add image or PDF…</source>
        <translation>画像または PDF を追加…</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/attachments.py" line="50" />
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/attachments.py" line="104" />
        <source>Add attachment</source>
        <translation>添付ファイルを追加</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/attachments.py" line="104" />
        <source>Images and PDF ({0})</source>
        <translation>画像と PDF ({0})</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/calc_panel.py" line="44" />
        <source>entered</source>
        <translation>入力値</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/calc_panel.py" line="45" />
        <source>default</source>
        <translation>デフォルト値</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/calc_panel.py" line="46" />
        <source>calculated</source>
        <translation>計算値</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/calc_panel.py" line="47" />
        <source>overridden</source>
        <translation>上書き</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/calc_panel.py" line="48" />
        <source>unverified default</source>
        <translation>未検証のデフォルト値</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/calc_panel.py" line="60" />
        <location filename="../../jcm_pdd/gui/monitoring_import.py" line="320" />
        <source>Choose a methodology (B.1) to see the figures.</source>
        <translation>数値を表示するには方法論（B.1）を選択してください。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/calc_panel.py" line="62" />
        <source>No project open.</source>
        <translation>プロジェクトが開かれていません。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/calc_panel.py" line="70" />
        <source>The figures need {0} more inputs. First: {1}</source>
        <translation>数値の算出にはあと {0} 件の入力が必要です。最初の項目: {1}</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/calc_panel.py" line="71" />
        <source>The figures need one more input: {0}</source>
        <translation>数値の算出にはあと 1 つ入力が必要です: {0}</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/calc_panel.py" line="89" />
        <source>Methodology from a draft: the equations or eligibility criteria follow a pre-approval draft, not the approved methodology document.</source>
        <translation>方法論は草案に基づいています: 計算式または適格性要件は承認前の草案に従っており、承認済み方法論の文書ではありません。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/calc_panel.py" line="93" />
        <source>Methodology not verified: the equations and eligibility criteria follow the methodology's published summary; they were not read from the approved methodology document.</source>
        <translation>方法論は未確認です: 計算式と適格性要件は公開されている方法論の概要に従っており、承認済み方法論の文書から読み取ったものではありません。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/calc_panel.py" line="98" />
        <source>Methodology not read from the approved document: the equations, eligibility criteria, numbering or title were derived from related methodologies and secondary sources. Check every figure against the official methodology before submission.</source>
        <translation>方法論は承認済み文書から読み取っていません: 計算式、適格性要件、番号または名称は関連する方法論や二次資料から導いたものです。提出前にすべての数値を公式の方法論と照合してください。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/calc_panel.py" line="184" />
        <source>Total estimated emission reductions</source>
        <translation>推計排出削減量の合計</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/calc_panel.py" line="185" />
        <source>Where the inputs of the calculation come from</source>
        <translation>計算の入力値の出所</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/calc_panel.py" line="186" />
        <source>Estimated emissions per year</source>
        <translation>年別の推計排出量</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/calc_panel.py" line="187" />
        <location filename="../../jcm_pdd/gui/monitoring_figures.py" line="85" />
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/calc_panel.py" line="187" />
        <location filename="../../jcm_pdd/gui/chart.py" line="133" />
        <source>RE</source>
        <translation>RE</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/calc_panel.py" line="187" />
        <location filename="../../jcm_pdd/gui/chart.py" line="133" />
        <source>PE</source>
        <translation>PE</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/calc_panel.py" line="187" />
        <location filename="../../jcm_pdd/gui/chart.py" line="133" />
        <source>ER</source>
        <translation>ER</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/calc_panel.py" line="187" />
        <location filename="../../jcm_pdd/gui/monitoring_page.py" line="140" />
        <source>Days</source>
        <translation>日数</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/calc_panel.py" line="190" />
        <source>Calendar year</source>
        <translation>暦年</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/calc_panel.py" line="191" />
        <source>Days of operation in the year: a part year is pro-rated by its days</source>
        <translation>その年の稼働日数（年の途中からの場合は日数で按分）</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/calc_panel.py" line="192" />
        <source>Reference emissions, tCO2e</source>
        <translation>リファレンス排出量 tCO2e</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/calc_panel.py" line="193" />
        <source>Project emissions, tCO2e</source>
        <translation>プロジェクト排出量 tCO2e</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/calc_panel.py" line="194" />
        <source>Emission reductions credited, tCO2e (rounded down)</source>
        <translation>排出削減量 tCO2e（切り捨て）</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/calc_panel.py" line="200" />
        <source>Show calculation…</source>
        <translation>計算過程を表示…</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/calc_panel.py" line="201" />
        <source>I have checked the figures against the official methodology</source>
        <translation>公式の方法論と照らして数値を確認しました</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/calc_panel.py" line="204" />
        <source>Recorded in the project; a final export needs it for this methodology</source>
        <translation>プロジェクトに記録されます。この方法論では最終エクスポートに必要です</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/calc_panel.py" line="258" />
        <source>Total {0}–{1}: ER {2} tCO2e (RE {3}, PE {4})</source>
        <translation>合計 {0}–{1}年: ER {2} tCO2e（RE {3}、PE {4}）</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/calc_panel.py" line="270" />
        <location filename="../../jcm_pdd/gui/monitoring_figures.py" line="111" />
        <source>No figures yet.</source>
        <translation>まだ数値がありません。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/calc_panel.py" line="276" />
        <source>Inputs:</source>
        <translation>入力値:</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/calc_panel.py" line="341" />
        <source>One full year of operation (period p); each year in C.3 scales it by its days of operation.</source>
        <translation>1 年間の稼働（期間 p）。C.3 の各年はその年の稼働日数で按分されます。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/calc_panel.py" line="371" />
        <source>Show calculation</source>
        <translation>計算過程</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/calc_panel.py" line="375" />
        <source>Calculation steps</source>
        <translation>計算手順</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/calc_panel.py" line="380" />
        <location filename="../../jcm_pdd/gui/monitoring_values.py" line="74" />
        <source>Parameter</source>
        <translation>パラメータ</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/calc_panel.py" line="380" />
        <source>Description</source>
        <translation>説明</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/calc_panel.py" line="380" />
        <location filename="../../jcm_pdd/gui/monitoring_values.py" line="76" />
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/calc_panel.py" line="380" />
        <location filename="../../jcm_pdd/gui/monitoring_import.py" line="105" />
        <source>Unit</source>
        <translation>単位</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/calc_panel.py" line="380" />
        <source>Provenance</source>
        <translation>出所</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/calc_panel.py" line="391" />
        <source>Inputs and their provenance</source>
        <translation>入力値とその出所</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/calc_panel.py" line="392" />
        <source>Equations</source>
        <translation>計算式</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/calc_panel.py" line="393" />
        <source>Inputs</source>
        <translation>入力値</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/chart.py" line="60" />
        <location filename="../../jcm_pdd/gui/chart.py" line="102" />
        <source>Emissions per year chart</source>
        <translation>年別排出量グラフ</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/chart.py" line="117" />
        <source>Reference emissions (RE), project emissions (PE) and emission reductions (ER) per year, {0}–{1}, in tCO2e: the figures of the table above</source>
        <translation>{0}–{1}年の各年のリファレンス排出量（RE）、プロジェクト排出量（PE）、排出削減量（ER）（tCO2e）。上の表と同じ数値です</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/diagnostics_panel.py" line="29" />
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/diagnostics_panel.py" line="29" />
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/diagnostics_panel.py" line="29" />
        <source>Info</source>
        <translation>情報</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/diagnostics_panel.py" line="65" />
        <location filename="../../jcm_pdd/gui/mainwindow.py" line="146" />
        <location filename="../../jcm_pdd/gui/mainwindow.py" line="334" />
        <location filename="../../jcm_pdd/gui/selftest.py" line="83" />
        <source>Diagnostics</source>
        <translation>診断</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/diagnostics_panel.py" line="66" />
        <source>Severity</source>
        <translation>重大度</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/diagnostics_panel.py" line="66" />
        <source>Problem</source>
        <translation>問題</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/diagnostics_panel.py" line="66" />
        <source>Field</source>
        <translation>項目</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/diagnostics_panel.py" line="142" />
        <source>Errors: {0}, warnings: {1}, notes: {2} — double-click a line to go to its field</source>
        <translation>エラー {0} 件、警告 {1} 件、情報 {2} 件 — ダブルクリックで該当項目へ移動</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/diagnostics_panel.py" line="146" />
        <location filename="../../jcm_pdd/gui/window_help.py" line="96" />
        <source>No problems found.</source>
        <translation>問題は見つかりませんでした。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/diagnostics_panel.py" line="177" />
        <source>Checking…</source>
        <translation>確認中…</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/export_dialog.py" line="114" />
        <location filename="../../jcm_pdd/gui/monitoring_import.py" line="197" />
        <source>Progress</source>
        <translation>進捗</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/diff_view.py" line="55" />
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/diff_view.py" line="57" />
        <source>(empty)</source>
        <translation>（空欄）</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/diff_view.py" line="66" />
        <source>yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/diff_view.py" line="66" />
        <source>no</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_figures.py" line="135" />
        <location filename="../../jcm_pdd/gui/monitoring_import.py" line="106" />
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/diff_view.py" line="133" />
        <source>Differences</source>
        <translation>差分</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/diff_view.py" line="135" />
        <source>What changed</source>
        <translation>変更箇所</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/diff_view.py" line="135" />
        <source>Before</source>
        <translation>変更前</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/diff_view.py" line="135" />
        <source>After</source>
        <translation>変更後</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/diff_view.py" line="135" />
        <source>Change</source>
        <translation>増減</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/diff_view.py" line="167" />
        <source>Comparing “{0}” (before) with “{1}” (after): {2} field(s) and {3} figure(s) differ.</source>
        <translation>「{0}」（変更前）と「{1}」（変更後）の比較: 項目 {2} 件、数値 {3} 件が異なります。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/diff_view.py" line="176" />
        <source>No differences in fields or figures.</source>
        <translation>項目・数値に差分はありません。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/diff_view.py" line="181" />
        <source>Fields ({0} changed)</source>
        <translation>項目（変更 {0} 件）</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/diff_view.py" line="206" />
        <source>Figures ({0} changed)</source>
        <translation>数値（変更 {0} 件）</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/diff_view.py" line="270" />
        <source>Compare projects or package rounds</source>
        <translation>プロジェクトまたはパッケージの版を比較</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/diff_view.py" line="273" />
        <source>Before (earlier round):</source>
        <translation>変更前（前回）:</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/diff_view.py" line="274" />
        <source>After (later round):</source>
        <translation>変更後（今回）:</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/diff_view.py" line="275" />
        <source>Compare</source>
        <translation>比較</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/diff_view.py" line="302" />
        <location filename="../../jcm_pdd/gui/export_dialog.py" line="136" />
        <location filename="../../jcm_pdd/gui/monitoring_import.py" line="130" />
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/diff_view.py" line="324" />
        <source>Choose the two files to compare.</source>
        <translation>比較する 2 つのファイルを選択してください。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/diff_view.py" line="331" />
        <source>Verifying and recomputing both sides…</source>
        <translation>両方のファイルを検証し、再計算しています…</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/diff_view.py" line="372" />
        <source>Compare with…</source>
        <translation>比較対象を選択…</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/jobs.py" line="35" />
        <source>The work stopped because of an internal problem in JCM PDD Studio (a bug, please report it); no file was written and your project was not changed.</source>
        <translation>JCM PDD Studio 内部の問題（不具合です。ご報告ください）により処理が止まりました。ファイルは書き込まれず、プロジェクトは変更されていません。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/jobs.py" line="41" />
        <source>PDD (Word)</source>
        <translation>PDD（Word）</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/jobs.py" line="42" />
        <source>PDD (PDF)</source>
        <translation>PDD（PDF）</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/jobs.py" line="43" />
        <source>Monitoring Plan workbook</source>
        <translation>モニタリング計画ワークブック</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/jobs.py" line="44" />
        <source>MoC (Word)</source>
        <translation>MoC（Word）</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/jobs.py" line="51" />
        <source>The {document} could not be made: a file of JCM PDD Studio is missing or unreadable ({detail}). Your project was not changed. Reinstall the app; “jcm-pdd selftest” shows what is missing.</source>
        <translation>{document}を作成できませんでした。JCM PDD Studio のファイルが見つからないか読み取れません（{detail}）。プロジェクトは変更されていません。アプリを再インストールしてください。何が欠けているかは「jcm-pdd selftest」で確認できます。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/export_dialog.py" line="207" />
        <source>Export</source>
        <translation>エクスポート</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/export_dialog.py" line="211" />
        <location filename="../../jcm_pdd/gui/monitoring_export.py" line="30" />
        <source>Folder:</source>
        <translation>フォルダー:</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/export_dialog.py" line="217" />
        <source>Monitoring Plan (Excel)</source>
        <translation>モニタリング計画（Excel）</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/export_dialog.py" line="224" />
        <location filename="../../jcm_pdd/gui/monitoring_export.py" line="42" />
        <source>Documents:</source>
        <translation>文書:</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/export_dialog.py" line="225" />
        <location filename="../../jcm_pdd/gui/monitoring_export.py" line="64" />
        <source>Draft (allowed while errors remain; marked DRAFT)</source>
        <translation>ドラフト（エラーが残っていても可。DRAFT と表示）</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/export_dialog.py" line="228" />
        <source>Errors to fix</source>
        <translation>修正が必要なエラー</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/export_dialog.py" line="241" />
        <source>Open folder</source>
        <translation>フォルダーを開く</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/export_dialog.py" line="265" />
        <source>A final export is not possible while {0} error(s) remain (export a draft instead, or fix them):</source>
        <translation>エラーが {0} 件残っているため、最終版をエクスポートできません（下書きとしてエクスポートするか、エラーを修正してください）:</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/export_dialog.py" line="326" />
        <source>Exported {0} files to {1}:</source>
        <translation>{0} 件のファイルを {1} に出力しました:</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/export_dialog.py" line="333" />
        <source>Image metadata (EXIF such as GPS position and author, PNG text) was removed from the figures in every copy.</source>
        <translation>すべての版の図から画像のメタデータ (GPS 位置や作成者などの EXIF、PNG のテキスト) を削除しました。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/export_dialog.py" line="345" />
        <source>not yet confirmed against the official form</source>
        <translation>公式の様式との照合未了</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/export_dialog.py" line="346" />
        <source>inferred by JCM PDD Studio, not read in an official form</source>
        <translation>JCM PDD Studio による推定 (公式の様式では未確認)</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/export_dialog.py" line="350" />
        <source>{0}: its code, version and layout are {1}. Compare it with the Joint Committee's current form.</source>
        <translation>{0}: 様式番号・版・構成は{1}です。合同委員会の最新の様式と照合してください。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/export_dialog.py" line="372" />
        <location filename="../../jcm_pdd/gui/export_dialog.py" line="438" />
        <location filename="../../jcm_pdd/gui/package_window.py" line="90" />
        <source>Package for validation</source>
        <translation>有効化審査用パッケージ</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/export_dialog.py" line="381" />
        <source>Round:</source>
        <translation>審査回:</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/export_dialog.py" line="384" />
        <source>Previous round:</source>
        <translation>前回の審査回:</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/export_dialog.py" line="386" />
        <source>Package file:</source>
        <translation>パッケージファイル:</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/export_dialog.py" line="389" />
        <source>Packaged by:</source>
        <translation>作成者:</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/export_dialog.py" line="392" />
        <source>Package for</source>
        <translation>パッケージの用途</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/export_dialog.py" line="393" />
        <source>Validation (the PDD)</source>
        <translation>妥当性確認（PDD）</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/export_dialog.py" line="397" />
        <source>Period numbers, e.g. 1-3,5, or all</source>
        <translation>期間番号（例: 1-3,5）、または all</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/export_dialog.py" line="399" />
        <source>Verification of monitoring periods</source>
        <translation>モニタリング期間の検証</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/export_dialog.py" line="400" />
        <source>Package for:</source>
        <translation>パッケージの用途:</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/export_dialog.py" line="401" />
        <source>Monitoring periods:</source>
        <translation>モニタリング期間:</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/export_dialog.py" line="410" />
        <source>Responses:</source>
        <translation>回答:</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/export_dialog.py" line="412" />
        <source>{0} response(s) to the findings of “{1}” go into the package.</source>
        <translation>「{1}」の指摘への回答 {0} 件をパッケージに含めます。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/export_dialog.py" line="419" />
        <source>Save the project first: the package is built from the saved file.</source>
        <translation>先にプロジェクトを保存してください。パッケージは保存済みのファイルから作成されます。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/export_dialog.py" line="425" />
        <source>none: this is the first package of this project in its folder</source>
        <translation>なし: このフォルダーでこのプロジェクトの最初のパッケージです</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/export_dialog.py" line="427" />
        <source>round {0}, “{1}”, package id {2}…, created {3}</source>
        <translation>第 {0} 回、「{1}」、パッケージ ID {2}…、作成 {3}</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/export_dialog.py" line="438" />
        <source>Package for verification</source>
        <translation>検証用パッケージ</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/export_dialog.py" line="462" />
        <source>The review already holds a package as round {0}; a resubmission must be round {1}.</source>
        <translation>レビューには第 {0} 回のパッケージが既にあります。再提出は第 {1} 回にしてください。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/export_dialog.py" line="470" />
        <source>Replace package?</source>
        <translation>パッケージを置き換えますか?</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/export_dialog.py" line="471" />
        <source>“{0}” already exists. Replace it with this package (round {1})?</source>
        <translation>「{0}」は既に存在します。このパッケージ（第 {1} 回）で置き換えますか?</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/export_dialog.py" line="478" />
        <source>Not packaged: “{0}” was kept.</source>
        <translation>パッケージを作成していません: 「{0}」はそのままです。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/export_dialog.py" line="508" />
        <source>Verification package written: {0} (round {1})</source>
        <translation>検証パッケージを書き出しました: {0}（第 {1} 回）</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/export_dialog.py" line="511" />
        <source>Package written: {0} (round {1})</source>
        <translation>パッケージを書き出しました: {0}（第 {1} 回）</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/fields.py" line="62" />
        <location filename="../../jcm_pdd/gui/fields.py" line="64" />
        <location filename="../../jcm_pdd/gui/monitoring_values.py" line="202" />
        <location filename="../../jcm_pdd/gui/monitoring_values.py" line="204" />
        <source>Enter a number, e.g. 1234.5</source>
        <translation>数値を入力してください（例: 1234.5）</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/fields.py" line="70" />
        <source>Enter a whole number</source>
        <translation>整数を入力してください</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/fields.py" line="77" />
        <source>Choose one of: {0}</source>
        <translation>次のいずれかを選択してください: {0}</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/fields.py" line="93" />
        <source>Enter a date as YYYY-MM-DD or DD/MM/YYYY</source>
        <translation>日付を YYYY-MM-DD または DD/MM/YYYY の形式で入力してください</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/fields.py" line="209" />
        <location filename="../../jcm_pdd/gui/monitoring_period.py" line="94" />
        <source>DD/MM/YYYY or YYYY-MM-DD</source>
        <translation>DD/MM/YYYY または YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/fields.py" line="212" />
        <source>decimal degrees</source>
        <translation>十進数の度</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/date_field.py" line="45" />
        <location filename="../../jcm_pdd/gui/date_field.py" line="68" />
        <source>Calendar</source>
        <translation>カレンダー</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/date_field.py" line="70" />
        <location filename="../../jcm_pdd/gui/fields.py" line="240" />
        <location filename="../../jcm_pdd/gui/fields.py" line="241" />
        <source>Pick a date</source>
        <translation>日付を選択</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/date_field.py" line="71" />
        <source>Pick a date from a calendar (Alt+Down in the date field)</source>
        <translation>カレンダーから日付を選択（日付欄で Alt+↓）</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/cell_delegates.py" line="60" />
        <source>No attached file has this reference ({0}); attach the file again or choose another.</source>
        <translation>この参照 ({0}) に該当する添付ファイルがありません。ファイルを再度添付するか、別のファイルを選んでください。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/cell_delegates.py" line="97" />
        <location filename="../../jcm_pdd/gui/fields.py" line="267" />
        <source>(no file chosen)</source>
        <translation>（ファイル未選択）</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/cell_delegates.py" line="169" />
        <location filename="../../jcm_pdd/gui/fields.py" line="328" />
        <source>{0} (not offered here)</source>
        <translation>{0}（この行では選択肢にありません）</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/cell_delegates.py" line="59" />
        <location filename="../../jcm_pdd/gui/fields.py" line="307" />
        <location filename="../../jcm_pdd/gui/monitoring_values.py" line="343" />
        <source>missing file {0}</source>
        <translation>見つからないファイル {0}</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/mainwindow.py" line="140" />
        <location filename="../../jcm_pdd/gui/mainwindow.py" line="333" />
        <source>Estimated emission reductions (C.3)</source>
        <translation>排出削減量の推計（C.3）</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/window_menus.py" line="53" />
        <source>&amp;New…</source>
        <translation>新規(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/window_menus.py" line="54" />
        <source>&amp;Open…</source>
        <translation>開く(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/window_menus.py" line="55" />
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/window_menus.py" line="56" />
        <source>Save &amp;As…</source>
        <translation>名前を付けて保存(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/window_menus.py" line="57" />
        <source>&amp;Close</source>
        <translation>閉じる(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/window_menus.py" line="58" />
        <source>&amp;Export…</source>
        <translation>エクスポート(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/window_menus.py" line="60" />
        <source>&amp;Preferences…</source>
        <translation>設定(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/window_menus.py" line="61" />
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/window_menus.py" line="62" />
        <source>Start &amp;page</source>
        <translation>スタートページ(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/window_menus.py" line="63" />
        <source>Show &amp;calculation…</source>
        <translation>計算過程を表示(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/window_menus.py" line="64" />
        <source>&amp;About JCM PDD Studio</source>
        <translation>JCM PDD Studio について(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/window_menus.py" line="65" />
        <source>Co&amp;mpare with…</source>
        <translation>比較(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/window_menus.py" line="67" />
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/window_menus.py" line="68" />
        <source>&amp;Redo</source>
        <translation>やり直し(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/window_menus.py" line="70" />
        <source>Mark &amp;confidential</source>
        <translation>機密にする(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/window_menus.py" line="73" />
        <source>Confidential &amp;items…</source>
        <translation>機密項目(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/window_menus.py" line="78" />
        <source>Add &amp;monitoring period…</source>
        <translation>モニタリング期間を追加(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/window_menus.py" line="95" />
        <source>&amp;Find…</source>
        <translation>検索(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/window_menus.py" line="96" />
        <source>&amp;Next problem</source>
        <translation>次の問題(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/window_menus.py" line="59" />
        <source>Package for &amp;validation…</source>
        <translation>有効化審査用パッケージ作成(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/window_menus.py" line="66" />
        <source>Ans&amp;wer a validator's review…</source>
        <translation>審査機関のレビューに回答(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/window_menus.py" line="76" />
        <source>Export monitoring repor&amp;t…</source>
        <translation>モニタリング報告書をエクスポート(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/window_menus.py" line="98" />
        <source>&amp;Previous problem</source>
        <translation>前の問題(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/window_menus.py" line="100" />
        <source>&amp;User guide</source>
        <translation>ユーザーガイド(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/window_menus.py" line="101" />
        <source>Help on this &amp;field</source>
        <translation>この項目のヘルプ(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/window_menus.py" line="102" />
        <source>&amp;Keyboard shortcuts</source>
        <translation>キーボードショートカット(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/window_menus.py" line="107" />
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/window_menus.py" line="109" />
        <source>Open &amp;Recent</source>
        <translation>最近使ったファイル(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/window_menus.py" line="118" />
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/window_menus.py" line="126" />
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/window_menus.py" line="132" />
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/window_menus.py" line="136" />
        <source>Main</source>
        <translation>メイン</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/window_menus.py" line="162" />
        <source>Crash reports are kept in {0}</source>
        <translation>クラッシュレポートの保存先: {0}</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/window_menus.py" line="163" />
        <source>Open crash reports folder</source>
        <translation>クラッシュレポートのフォルダーを開く</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/calc_panel.py" line="63" />
        <location filename="../../jcm_pdd/gui/monitoring_figures.py" line="40" />
        <location filename="../../jcm_pdd/gui/monitoring_page.py" line="276" />
        <source>Calculating…</source>
        <translation>計算中…</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/package_window.py" line="45" />
        <source>Verifying “{0}”…</source>
        <translation>「{0}」を検証しています…</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/package_window.py" line="51" />
        <location filename="../../jcm_pdd/gui/package_window.py" line="71" />
        <source>Package not trustworthy</source>
        <translation>信頼できないパッケージ</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/package_window.py" line="52" />
        <source>“{0}” is INVALID and was not opened: {1}</source>
        <translation>「{0}」は INVALID（無効）のため開きませんでした: {1}</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/package_window.py" line="115" />
        <source>Read-only: “{0}” is already open by {1} on {2} since {3}. It is opened read-only.</source>
        <translation>読み取り専用: 「{0}」は {3} から {1} が {2} で開いています。読み取り専用で開きました。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/lock_takeover.py" line="30" />
        <source>“{0}” is open by {1} on {2} since {3}.

Take over only if that copy of JCM PDD Studio is no longer running (the computer crashed or was switched off). If {1} is still working on it, each of you will overwrite the other's changes when saving.</source>
        <translation>「{0}」は {3} から {1} が {2} で開いています。

その JCM PDD Studio がもう動いていない場合（コンピューターが異常終了した、または電源が切られた場合）にのみ引き継いでください。{1} がまだ作業中の場合、保存するたびに互いの変更を上書きしてしまいます。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/lock_takeover.py" line="54" />
        <location filename="../../jcm_pdd/gui/lock_takeover.py" line="73" />
        <source>Take over the lock</source>
        <translation>ロックの引き継ぎ</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/lock_heartbeat.py" line="36" />
        <source>“{0}” was taken over by {1} on {2} since {3}: saving it here would overwrite their changes. Save your changes under another name (File &gt; Save As…).</source>
        <translation>「{0}」は {3} から {1} が {2} で引き継いでいます。ここで保存すると相手の変更を上書きしてしまいます。変更は別の名前で保存してください（ファイル &gt; 名前を付けて保存…）。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/lock_heartbeat.py" line="40" />
        <location filename="../../jcm_pdd/gui/lock_takeover.py" line="56" />
        <location filename="../../jcm_pdd/gui/package_window.py" line="118" />
        <source>someone</source>
        <translation>他のユーザー</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/lock_heartbeat.py" line="41" />
        <location filename="../../jcm_pdd/gui/lock_takeover.py" line="57" />
        <location filename="../../jcm_pdd/gui/package_window.py" line="119" />
        <source>an unknown computer</source>
        <translation>不明なコンピューター</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/lock_heartbeat.py" line="42" />
        <location filename="../../jcm_pdd/gui/lock_takeover.py" line="58" />
        <location filename="../../jcm_pdd/gui/package_window.py" line="120" />
        <source>an unknown time</source>
        <translation>不明な時刻</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/lock_takeover.py" line="64" />
        <source>Take over and edit</source>
        <translation>引き継いで編集</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/lock_takeover.py" line="81" />
        <source>You now hold the lock of “{0}”; it is editable here.</source>
        <translation>「{0}」のロックを引き継ぎました。ここで編集できます。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/package_window.py" line="124" />
        <source>Read-only: {0}</source>
        <translation>読み取り専用: {0}</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/confidential.py" line="278" />
        <location filename="../../jcm_pdd/gui/mainwindow.py" line="153" />
        <location filename="../../jcm_pdd/gui/mainwindow.py" line="335" />
        <source>Confidential items</source>
        <translation>機密項目</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/mainwindow.py" line="540" />
        <location filename="../../jcm_pdd/gui/start_page.py" line="291" />
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/mainwindow.py" line="553" />
        <location filename="../../jcm_pdd/gui/mainwindow.py" line="574" />
        <location filename="../../jcm_pdd/gui/mainwindow.py" line="583" />
        <location filename="../../jcm_pdd/gui/package_window.py" line="56" />
        <location filename="../../jcm_pdd/gui/package_window.py" line="68" />
        <source>Cannot open</source>
        <translation>開けません</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/mainwindow.py" line="623" />
        <location filename="../../jcm_pdd/gui/recovery_dialog.py" line="52" />
        <source>Untitled</source>
        <translation>無題</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/mainwindow.py" line="625" />
        <source>Save As</source>
        <translation>名前を付けて保存</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/mainwindow.py" line="648" />
        <source>Saving “{0}”…</source>
        <translation>「{0}」を保存しています…</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/mainwindow.py" line="652" />
        <source>Not saved</source>
        <translation>保存されませんでした</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/mainwindow.py" line="661" />
        <source>Saved {0}</source>
        <translation>{0} を保存しました</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/mainwindow.py" line="691" />
        <source>Unsaved changes</source>
        <translation>未保存の変更</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/mainwindow.py" line="692" />
        <source>Save the changes to “{0}” before closing?</source>
        <translation>閉じる前に「{0}」の変更を保存しますか?</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/mainwindow.py" line="740" />
        <source>Autosave failed: {0}</source>
        <translation>自動保存に失敗しました: {0}</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/package_window.py" line="92" />
        <source>The diagnostics report {0} error(s). Fix them before packaging for validation.</source>
        <translation>診断で {0} 件のエラーがあります。パッケージを作成する前に修正してください。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/window_menus.py" line="154" />
        <source>About JCM PDD Studio</source>
        <translation>JCM PDD Studio について</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/window_menus.py" line="157" />
        <source>JCM PDD Studio {0}
Draft, calculate, export and package JCM Project Design Documents, offline.</source>
        <translation>JCM PDD Studio {0}
JCM プロジェクト設計書をオフラインで作成・計算・出力・パッケージ化します。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/navigator.py" line="25" />
        <source>Project Design Document</source>
        <translation>プロジェクト設計書（PDD）</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/navigator.py" line="26" />
        <source>Annex</source>
        <translation>附属書</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/navigator.py" line="27" />
        <source>Revision history</source>
        <translation>改訂履歴</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/navigator.py" line="28" />
        <source>Monitoring Plan</source>
        <translation>モニタリング計画</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/navigator.py" line="29" />
        <source>Monitoring Structure</source>
        <translation>モニタリング体制</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/navigator.py" line="30" />
        <source>Modalities of Communication</source>
        <translation>コミュニケーション手続（MoC）</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/navigator.py" line="41" />
        <source>Sections of the submission</source>
        <translation>提出書類の節</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/export_dialog.py" line="396" />
        <location filename="../../jcm_pdd/gui/monitoring_page.py" line="68" />
        <location filename="../../jcm_pdd/gui/monitoring_page.py" line="92" />
        <location filename="../../jcm_pdd/gui/navigator.py" line="89" />
        <source>Monitoring periods</source>
        <translation>モニタリング期間</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_page.py" line="71" />
        <source>After registration: the values monitored in each period, as Table 1 of the Monitoring Plan fixed them, and the actual emission reductions beside the estimate of C.3.</source>
        <translation>登録後: モニタリング計画の表1で定めたとおりに各期間でモニタリングした値と、C.3 の推計と並べた実際の排出削減量。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_page.py" line="77" />
        <source>Add period</source>
        <translation>期間を追加</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_page.py" line="79" />
        <source>Remove period</source>
        <translation>期間を削除</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_page.py" line="81" />
        <source>Import monitored data…</source>
        <translation>モニタリングデータを取り込む…</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_page.py" line="83" />
        <source>Export monitoring report…</source>
        <translation>モニタリング報告書をエクスポート…</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_page.py" line="107" />
        <source>Monitored values</source>
        <translation>モニタリング値</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_page.py" line="108" />
        <source>Actual vs estimated</source>
        <translation>実績と推計</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_page.py" line="140" />
        <source>No.</source>
        <translation>番号</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_page.py" line="140" />
        <location filename="../../jcm_pdd/gui/monitoring_period.py" line="115" />
        <source>First day</source>
        <translation>初日</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_page.py" line="140" />
        <location filename="../../jcm_pdd/gui/monitoring_period.py" line="116" />
        <source>Last day</source>
        <translation>最終日</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_page.py" line="140" />
        <location filename="../../jcm_pdd/gui/verifier_periods.py" line="105" />
        <source>ER credited</source>
        <translation>ER（クレジット）</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_page.py" line="144" />
        <source>The period's emission reductions in tCO2e, rounded down</source>
        <translation>期間の排出削減量（tCO2e、切り捨て）</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_page.py" line="209" />
        <location filename="../../jcm_pdd/gui/navigator.py" line="105" />
        <source>{0} problem(s)</source>
        <translation>問題 {0} 件</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_page.py" line="335" />
        <source>Monitoring periods. Errors: {0}, warnings: {1} (listed under Diagnostics; double-click one to go to its value).</source>
        <translation>モニタリング期間: エラー {0} 件、警告 {1} 件（「診断」に一覧があります。ダブルクリックで該当する値へ移動します）。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/navigator.py" line="107" />
        <location filename="../../jcm_pdd/gui/start_page.py" line="190" />
        <source>Complete</source>
        <translation>完了</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_page.py" line="339" />
        <source>Monitoring periods: no problems found.</source>
        <translation>モニタリング期間: 問題は見つかりませんでした。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_values.py" line="78" />
        <location filename="../../jcm_pdd/gui/monitoring_values.py" line="222" />
        <source>Option</source>
        <translation>オプション</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_values.py" line="79" />
        <source>Instrument</source>
        <translation>計測機器</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_values.py" line="80" />
        <source>Calibration date</source>
        <translation>校正日</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_values.py" line="81" />
        <source>Evidence</source>
        <translation>証拠書類</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/navigator.py" line="109" />
        <source>{0} of {1} required fields filled</source>
        <translation>必須項目 {1} 件中 {0} 件入力済み</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/navigator.py" line="111" />
        <source>Not started</source>
        <translation>未着手</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/navigator.py" line="122" />
        <location filename="../../jcm_pdd/gui/section_editor.py" line="172" />
        <source>Open findings: {0}</source>
        <translation>未完了の指摘: {0}</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/preferences_dialog.py" line="30" />
        <source>Preferences</source>
        <translation>設定</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/preferences_dialog.py" line="33" />
        <source>Interface language</source>
        <translation>表示言語</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/preferences_dialog.py" line="39" />
        <source>The new language applies at once; your work and its undo history are kept. Exported documents are always in English, the official language of JCM.</source>
        <translation>新しい言語はすぐに適用されます。作業内容と「元に戻す」の履歴はそのまま保持されます。出力文書は常に JCM の公用語である英語です。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/preferences_dialog.py" line="45" />
        <source>Interface &amp;language:</source>
        <translation>表示言語(&amp;L):</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/preferences_dialog.py" line="52" />
        <source>Your &amp;name (validators):</source>
        <translation>氏名（審査担当者）(&amp;N):</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/preferences_dialog.py" line="49" />
        <source>Your name on findings and sign-offs</source>
        <translation>指摘とサインオフに記載するあなたの名前</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/preferences_dialog.py" line="50" />
        <source>e.g. Aiko Tanaka, TPE Co.</source>
        <translation>例: 田中 愛子（TPE 株式会社）</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/preferences_dialog.py" line="56" />
        <source>Written on the findings you raise and the sections you sign off in a validation package. Left empty, your login name is used.</source>
        <translation>有効化審査パッケージで挙げた指摘とサインオフしたセクションに記載されます。空欄の場合はログイン名が使われます。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/recovery_dialog.py" line="32" />
        <source>Recover unsaved work</source>
        <translation>未保存の作業の復元</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/recovery_dialog.py" line="38" />
        <source>JCM PDD Studio was not closed normally. Unsaved work was kept for the documents below. Restore one to continue where you left off, or discard what you do not need.</source>
        <translation>JCM PDD Studio は正常に終了しませんでした。以下の文書の未保存の作業が残っています。復元して作業を続けるか、不要なものを破棄してください。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/recovery_dialog.py" line="45" />
        <source>Recovered documents</source>
        <translation>復元可能な文書</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/recovery_dialog.py" line="46" />
        <location filename="../../jcm_pdd/gui/start_page.py" line="186" />
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/recovery_dialog.py" line="46" />
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/recovery_dialog.py" line="46" />
        <source>Autosaved</source>
        <translation>自動保存日時</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/recovery_dialog.py" line="53" />
        <source>(never saved)</source>
        <translation>（未保存）</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/recovery_dialog.py" line="64" />
        <source>Restore</source>
        <translation>復元</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/recovery_dialog.py" line="66" />
        <source>Discard</source>
        <translation>破棄</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/recovery_dialog.py" line="68" />
        <source>Decide later</source>
        <translation>後で決める</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/section_editor.py" line="73" />
        <location filename="../../jcm_pdd/gui/section_editor.py" line="171" />
        <source>Required</source>
        <translation>必須</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/start_page.py" line="72" />
        <location filename="../../jcm_pdd/gui/start_page.py" line="99" />
        <location filename="../../jcm_pdd/gui/start_page.py" line="126" />
        <source>cannot be read</source>
        <translation>読み込めません</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/start_page.py" line="74" />
        <location filename="../../jcm_pdd/gui/start_page.py" line="101" />
        <location filename="../../jcm_pdd/gui/start_page.py" line="128" />
        <source>missing</source>
        <translation>見つかりません</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/start_page.py" line="111" />
        <source>verification package, round {0}</source>
        <translation>検証パッケージ（第 {0} 回）</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/start_page.py" line="113" />
        <source>validation package, round {0}</source>
        <translation>審査パッケージ（第 {0} 回）</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/start_page.py" line="126" />
        <location filename="../../jcm_pdd/gui/start_page.py" line="128" />
        <location filename="../../jcm_pdd/gui/start_page.py" line="130" />
        <source>review</source>
        <translation>レビュー</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/start_page.py" line="130" />
        <source>review, round {0}</source>
        <translation>レビュー（第 {0} 回）</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/start_page.py" line="145" />
        <source>JCM PDD Studio</source>
        <translation>JCM PDD Studio</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/start_page.py" line="152" />
        <source>Draft, calculate, export and package Project Design Documents for the Joint Crediting Mechanism — offline.</source>
        <translation>二国間クレジット制度（JCM）のプロジェクト設計書（PDD）を、オフラインで作成・計算・出力・パッケージ化します。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/start_page.py" line="158" />
        <source>New project…</source>
        <translation>新規プロジェクト…</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/start_page.py" line="160" />
        <source>Open…</source>
        <translation>開く…</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/start_page.py" line="162" />
        <source>Duplicate…</source>
        <translation>複製…</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/start_page.py" line="163" />
        <source>Copy the selected project as the base of a new one</source>
        <translation>選択したプロジェクトを複製して新しいプロジェクトの基にします</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/start_page.py" line="165" />
        <source>Open the sample project</source>
        <translation>サンプルプロジェクトを開く</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/start_page.py" line="177" />
        <location filename="../../jcm_pdd/gui/start_page.py" line="183" />
        <source>Recent projects</source>
        <translation>最近のプロジェクト</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/start_page.py" line="187" />
        <source>Country</source>
        <translation>国</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/start_page.py" line="188" />
        <source>Methodology</source>
        <translation>方法論</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/start_page.py" line="189" />
        <source>ER (tCO2e/yr)</source>
        <translation>ER（tCO2e/年）</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/start_page.py" line="191" />
        <source>Last saved</source>
        <translation>最終保存</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/start_page.py" line="192" />
        <source>Folder</source>
        <translation>フォルダー</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/start_page.py" line="210" />
        <source>No recent projects yet. Start a new one or open the sample.</source>
        <translation>最近のプロジェクトはありません。新規作成するか、サンプルを開いてください。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/start_page.py" line="265" />
        <source>Duplicate project</source>
        <translation>プロジェクトを複製</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/start_page.py" line="267" />
        <source>JCM PDD project (*.jcmpdd)</source>
        <translation>JCM PDD プロジェクト (*.jcmpdd)</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/start_page.py" line="275" />
        <source>Not duplicated</source>
        <translation>複製できませんでした</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/start_page.py" line="292" />
        <source>Show in folder</source>
        <translation>フォルダーに表示</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/start_page.py" line="293" />
        <source>Remove from list</source>
        <translation>一覧から削除</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/table_editor.py" line="130" />
        <source>Add row</source>
        <translation>行を追加</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/table_editor.py" line="131" />
        <source>Add row to {0}</source>
        <translation>{0} に行を追加</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/table_editor.py" line="133" />
        <source>Remove row</source>
        <translation>行を削除</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/table_editor.py" line="134" />
        <source>Remove row from {0}</source>
        <translation>{0} から行を削除</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/table_editor.py" line="136" />
        <location filename="../../jcm_pdd/gui/table_editor.py" line="144" />
        <source>Full width</source>
        <translation>全幅で編集</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/table_editor.py" line="138" />
        <source>Edit this table in a window as large as the main window ({0})</source>
        <translation>この表をメインウィンドウと同じ大きさのウィンドウで編集します ({0})</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/table_editor.py" line="142" />
        <source>Edit {0} full width</source>
        <translation>{0} を全幅で編集</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/table_editor.py" line="162" />
        <source>This table is open in its own window.</source>
        <translation>この表は別のウィンドウで開いています。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/table_editor.py" line="342" />
        <source>“{0}” is not one of the choices offered here</source>
        <translation>「{0}」はこの行の選択肢にありません</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/validator.py" line="121" />
        <source>The package holds no readable project.</source>
        <translation>パッケージに読み込めるプロジェクトがありません。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/validator.py" line="135" />
        <source>“{0}” says it is round {1}, but its review already holds another package as round {1} (“{2}”). A resubmission must carry the next round number: ask for it to be packaged again as round {3}.</source>
        <translation>「{0}」は第 {1} 回とされていますが、レビューには別のパッケージ（「{2}」）が第 {1} 回として記録されています。再提出には次の審査回の番号が必要です。第 {3} 回として作成し直すよう依頼してください。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/validator.py" line="143" />
        <source>“{0}” says it is round {1}, but its review already holds another package as round {1}. A resubmission must carry the next round number: ask for it to be packaged again as round {3}.</source>
        <translation>「{0}」は第 {1} 回とされていますが、レビューには別のパッケージが第 {1} 回として記録されています。再提出には次の審査回の番号が必要です。第 {3} 回として作成し直すよう依頼してください。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/validator.py" line="172" />
        <source>verification package</source>
        <translation>検証パッケージ</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/validator.py" line="190" />
        <source>Verification package “{0}” (round {1}; monitoring periods {2})</source>
        <translation>検証パッケージ「{0}」（第 {1} 回、モニタリング期間 {2}）</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/validator.py" line="194" />
        <source>Validation package “{0}” (round {1})</source>
        <translation>審査パッケージ「{0}」（第 {1} 回）</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/validator.py" line="198" />
        <source>{0}: VERIFIED — every file matches its checksum and every figure re-computes. Read-only.</source>
        <translation>{0}: 検証済み — すべてのファイルがチェックサムと一致し、すべての数値が再計算で一致しました。読み取り専用です。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/validator.py" line="206" />
        <source>{1} — NOT TRUSTWORTHY. {0} does not match its checksums: {2}. Do not base findings or an opinion on it. Read-only.</source>
        <translation>{1} — 信頼できません。{0}はチェックサムと一致しません: {2}。これに基づいて指摘や意見を出さないでください。読み取り専用です。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/validator.py" line="244" />
        <source>altered: {0}</source>
        <translation>改変: {0}</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/validator.py" line="245" />
        <source>missing: {0}</source>
        <translation>欠落: {0}</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/validator.py" line="246" />
        <source>not listed: {0}</source>
        <translation>一覧にない: {0}</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/validator.py" line="247" />
        <source>cannot be read: {0}</source>
        <translation>読み取れない: {0}</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/validator.py" line="248" />
        <source>figures differ: {0}</source>
        <translation>数値が異なる: {0}</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/validator.py" line="249" />
        <source>cannot re-compute from: {0}</source>
        <translation>再計算できない: {0}</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/validator.py" line="256" />
        <source>size or file count differs from bag-info.txt</source>
        <translation>サイズまたはファイル数が bag-info.txt と異なる</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/validator.py" line="272" />
        <source>The package index does not name the project file and the template</source>
        <translation>パッケージの索引がプロジェクトファイルとテンプレートを示していません</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/validator.py" line="274" />
        <source>The package index does not say which monitoring periods the package covers</source>
        <translation>パッケージの索引が対象のモニタリング期間を示していません</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/validator.py" line="276" />
        <source>The covered monitoring periods cannot be re-computed from the package</source>
        <translation>対象のモニタリング期間をパッケージから再計算できません</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/validator.py" line="278" />
        <source>The package index names no monitoring data file</source>
        <translation>パッケージの索引がモニタリングデータのファイルを示していません</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/validator.py" line="280" />
        <source>{0}: not the monitoring data this app writes</source>
        <translation>{0}: このアプリが書き出すモニタリングデータではありません</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/validator.py" line="282" />
        <source>{0}: the calculation trace cannot be read</source>
        <translation>{0}: 計算トレースを読み取れません</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/validator.py" line="285" />
        <source>{0}: an evidence file of a covered period is missing</source>
        <translation>{0}: 対象期間の証拠書類がありません</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/validator.py" line="286" />
        <source>An evidence file of a covered period is not in the package</source>
        <translation>対象期間の証拠書類がパッケージに含まれていません</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/validator.py" line="289" />
        <source>{0}: the workbook's formulas do not give the re-computed figures (edited formulas or values)</source>
        <translation>{0}: ワークブックの計算式が再計算した数値と一致しません（計算式または値が編集されています）</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/validator.py" line="293" />
        <source>{0}: a result stored in the workbook is not what its formula gives</source>
        <translation>{0}: ワークブックに保存された計算結果が、その計算式の結果と一致しません</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/validator.py" line="297" />
        <source>{0}: the workbook has a formula that cannot be checked</source>
        <translation>{0}: ワークブックに確認できない計算式があります</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/validator.py" line="304" />
        <source>{0}: {1} stores the result {2}, but its formula gives {3}</source>
        <translation>{0}: {1} には計算結果 {2} が保存されていますが、計算式の結果は {3} です</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/validator.py" line="308" />
        <source>{0}: the formula in {1} cannot be checked ({2})</source>
        <translation>{0}: {1} の計算式を確認できません（{2}）</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/validator.py" line="311" />
        <source>all periods</source>
        <translation>全期間</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/validator.py" line="313" />
        <source>{0}: the workbook does not state {1} of {2} (it re-computes to {3})</source>
        <translation>{0}: ワークブックに {2} の {1} が記載されていません（再計算すると {3}）</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/validator.py" line="316" />
        <source>{0}: the formula for {1} of {2} in {3} gives {4}, but it re-computes to {5}</source>
        <translation>{0}: {2} の {1} の計算式（{3}）は {4} になりますが、再計算すると {5} です</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/validator.py" line="325" />
        <source>{0}, not trustworthy</source>
        <translation>{0}、信頼できません</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/validator.py" line="336" />
        <source>{0}: its figures cannot be read</source>
        <translation>{0}: 数値を読み取れません</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/validator.py" line="341" />
        <source>total</source>
        <translation>合計</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/validator.py" line="343" />
        <source>{0}: {1} {2} is stated as {3} but re-computes to {4}</source>
        <translation>{0}: {1} {2} は {3} と記載されていますが、再計算すると {4} です</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/validator.py" line="354" />
        <source>Altered (content differs from its checksum):</source>
        <translation>改変（内容がチェックサムと異なる）:</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/validator.py" line="355" />
        <source>Missing (listed, but not in the package):</source>
        <translation>欠落（一覧にあるがパッケージにない）:</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/validator.py" line="356" />
        <source>Extra (in the package, but not listed):</source>
        <translation>余分（パッケージにあるが一覧にない）:</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/validator.py" line="357" />
        <source>Damaged (cannot be read):</source>
        <translation>破損（読み取れない）:</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/validator.py" line="358" />
        <source>The calculation could not be re-run from:</source>
        <translation>次のファイルから計算を再実行できませんでした:</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/validator.py" line="362" />
        <source>“{0}” did not verify: {1}. Its contents are not trustworthy; ask the project participants to send the package again.</source>
        <translation>「{0}」は検証に失敗しました: {1}。内容は信頼できません。プロジェクト参加者にパッケージの再送を依頼してください。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/validator.py" line="379" />
        <source>The payload's size or file count differs from bag-info.txt.</source>
        <translation>ペイロードのサイズまたはファイル数が bag-info.txt の記録と異なります。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/validator.py" line="385" />
        <source>No PDD (.docx) in the package has a C.3 table that could be read back, so its stated figures cannot be checked.</source>
        <translation>パッケージ内の PDD (.docx) に読み取れる C.3 の表がないため、記載された数値を確認できません。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/validator.py" line="395" />
        <source>Figures that differ from the re-computed ones:</source>
        <translation>再計算の結果と異なる数値:</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/validator.py" line="399" />
        <source>Other problems:</source>
        <translation>その他の問題:</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/start_page.py" line="99" />
        <location filename="../../jcm_pdd/gui/start_page.py" line="101" />
        <location filename="../../jcm_pdd/gui/validator.py" line="172" />
        <source>validation package</source>
        <translation>審査パッケージ</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/wizard.py" line="44" />
        <location filename="../../jcm_pdd/gui/wizard.py" line="52" />
        <source>Partner country</source>
        <translation>パートナー国</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/wizard.py" line="47" />
        <source>The country hosting the project; its Joint Committee's forms and approved methodologies apply.</source>
        <translation>プロジェクトの実施国。その国の合同委員会の様式と承認済み方法論が適用されます。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/wizard.py" line="55" />
        <source> (no methodology shipped yet)</source>
        <translation>（方法論は未収録）</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/wizard.py" line="58" />
        <source>&amp;Country:</source>
        <translation>国(&amp;C):</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/wizard.py" line="70" />
        <source>Approved methodology</source>
        <translation>承認済み方法論</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/wizard.py" line="72" />
        <source>Methodologies approved for the chosen country, with their version and status.</source>
        <translation>選択した国で承認された方法論（バージョンと状態）。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/wizard.py" line="75" />
        <source>Methodologies</source>
        <translation>方法論</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/wizard.py" line="93" />
        <source>valid</source>
        <translation>有効</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/wizard.py" line="93" />
        <source>superseded</source>
        <translation>改訂済み</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/wizard.py" line="104" />
        <source>No methodology for this country is shipped yet.</source>
        <translation>この国の方法論はまだ収録されていません。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/wizard.py" line="127" />
        <source>⚠ Some default values in this template are not verified against the published methodology. They will be marked “unverified default” everywhere; check them before submitting.</source>
        <translation>⚠ このテンプレートの一部のデフォルト値は、公表された方法論と照合されていません。どこでも「未検証のデフォルト値」と表示されます。提出前に確認してください。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/wizard.py" line="133" />
        <source>This version is superseded; a newer version may be required.</source>
        <translation>このバージョンは改訂済みです。新しいバージョンが必要な場合があります。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/wizard.py" line="142" />
        <source>Sites and units</source>
        <translation>サイトと設備</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/wizard.py" line="145" />
        <source>One row per site; the number of units (e.g. PV systems) gives one monitoring row per unit.</source>
        <translation>サイトごとに 1 行。設備数（例: PV システム）に応じて設備ごとのモニタリング行が作られます。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/wizard.py" line="150" />
        <source>Sites</source>
        <translation>サイト</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/wizard.py" line="153" />
        <source>Site ID</source>
        <translation>サイト ID</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/wizard.py" line="153" />
        <source>City</source>
        <translation>市町村</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/wizard.py" line="153" />
        <source>Region</source>
        <translation>地域</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/wizard.py" line="153" />
        <source>Latitude</source>
        <translation>緯度</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/wizard.py" line="153" />
        <source>Longitude</source>
        <translation>経度</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/wizard.py" line="153" />
        <source>Units</source>
        <translation>設備数</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/wizard.py" line="156" />
        <source>Add site</source>
        <translation>サイトを追加</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/wizard.py" line="158" />
        <source>Remove site</source>
        <translation>サイトを削除</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/wizard.py" line="193" />
        <source>Row {0}: give the site an ID.</source>
        <translation>{0} 行目: サイト ID を入力してください。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/wizard.py" line="201" />
        <source>Row {0}: coordinates are decimal degrees, e.g. 47.918</source>
        <translation>{0} 行目: 座標は十進数の度で入力してください（例: 47.918）</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/wizard.py" line="204" />
        <source>Row {0}: coordinate out of range.</source>
        <translation>{0} 行目: 座標が範囲外です。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/wizard.py" line="209" />
        <source>Row {0}: units must be a whole number of at least 1.</source>
        <translation>{0} 行目: 設備数は 1 以上の整数にしてください。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/wizard.py" line="236" />
        <source>New project</source>
        <translation>新規プロジェクト</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_common.py" line="39" />
        <source>CAR — corrective action request</source>
        <translation>CAR — 是正措置要求</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_common.py" line="40" />
        <source>CL — clarification request</source>
        <translation>CL — 明確化要求</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_common.py" line="41" />
        <source>FAR — forward action request</source>
        <translation>FAR — 次回検証時対応要求</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_common.py" line="46" />
        <source>open</source>
        <translation>未解決</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_common.py" line="46" />
        <source>responded</source>
        <translation>回答済み</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_common.py" line="46" />
        <source>closed</source>
        <translation>解決済み</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_common.py" line="155" />
        <source>The review file cannot be written ({0}): {1}.</source>
        <translation>審査記録ファイルを書き込めません（{0}）: {1}。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_common.py" line="156" />
        <source>folder</source>
        <translation>フォルダー</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_panel.py" line="86" />
        <source>Show findings</source>
        <translation>表示する指摘事項</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_panel.py" line="87" />
        <source>All findings</source>
        <translation>すべての指摘事項</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_panel.py" line="89" />
        <source>Only {0}</source>
        <translation>{0}のみ</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_panel.py" line="92" />
        <source>Show findings of type</source>
        <translation>表示する指摘の種類</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_panel.py" line="93" />
        <source>All types</source>
        <translation>すべての種類</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_panel.py" line="97" />
        <source>Export findings…</source>
        <translation>指摘事項を出力…</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_panel.py" line="99" />
        <source>Save the findings table as Word (.docx) or Excel (.xlsx)</source>
        <translation>指摘事項一覧を Word（.docx）または Excel（.xlsx）で保存します</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_panel.py" line="102" />
        <source>Continue an earlier review…</source>
        <translation>前回の審査記録を引き継ぐ…</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_panel.py" line="104" />
        <source>Carry the findings and sign-offs of the previous round's review into this one</source>
        <translation>前回の審査記録の指摘事項とサインオフを今回に引き継ぎます</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_panel.py" line="110" />
        <source>Show:</source>
        <translation>表示:</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_docks.py" line="107" />
        <location filename="../../jcm_pdd/gui/review_panel.py" line="117" />
        <source>Findings</source>
        <translation>指摘事項</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_docks.py" line="111" />
        <source>Periods</source>
        <translation>期間</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_docks.py" line="118" />
        <source>Round {0}</source>
        <translation>第 {0} 回</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_docks.py" line="139" />
        <source>Raise finding…</source>
        <translation>指摘を登録…</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_docks.py" line="140" />
        <source>A finding on {0}</source>
        <translation>{0} への指摘</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/participant.py" line="82" />
        <location filename="../../jcm_pdd/gui/participant.py" line="291" />
        <source>Findings to answer</source>
        <translation>回答する指摘</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/participant.py" line="84" />
        <location filename="../../jcm_pdd/gui/review_panel.py" line="119" />
        <location filename="../../jcm_pdd/gui/round_view.py" line="114" />
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/confidential.py" line="54" />
        <source>Confidential: the public copy shows XXX here</source>
        <translation>機密: 公開版ではここに XXX と表示されます</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/confidential.py" line="100" />
        <source>Confidential</source>
        <translation>機密</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/confidential.py" line="100" />
        <source>Confidential cell</source>
        <translation>機密 (セル)</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/confidential.py" line="102" />
        <source>Confidential row</source>
        <translation>機密 (行)</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/confidential.py" line="142" />
        <source>Put the cursor in a field or a table cell to mark it confidential.</source>
        <translation>機密にする項目または表のセルにカーソルを置いてください。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/confidential.py" line="147" />
        <source>Marked confidential.</source>
        <translation>機密にしました。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/confidential.py" line="147" />
        <source>No longer confidential.</source>
        <translation>機密を解除しました。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/confidential.py" line="234" />
        <source>{0}, row {1}</source>
        <translation>{0}、{1} 行目</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/confidential.py" line="273" />
        <source>These values show as XXX in the public copy of every export. Mark a field, a table row or a cell with its context menu or {0}.</source>
        <translation>これらの値は、すべてのエクスポートの公開版で XXX と表示されます。項目、表の行またはセルは、右クリックメニューまたは {0} で機密にできます。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/confidential.py" line="277" />
        <location filename="../../jcm_pdd/gui/participant.py" line="84" />
        <location filename="../../jcm_pdd/gui/review_panel.py" line="119" />
        <location filename="../../jcm_pdd/gui/round_view.py" line="115" />
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/confidential.py" line="277" />
        <source>Item</source>
        <translation>項目</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/confidential.py" line="279" />
        <source>Go to</source>
        <translation>移動</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/confidential.py" line="280" />
        <source>Remove mark</source>
        <translation>マークを外す</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/confidential.py" line="303" />
        <source>Points at nothing: remove the mark</source>
        <translation>対象がありません: マークを外してください</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/confidential.py" line="305" />
        <source>Hidden in the public copy</source>
        <translation>公開版では伏せられます</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/participant.py" line="84" />
        <location filename="../../jcm_pdd/gui/review_panel.py" line="119" />
        <location filename="../../jcm_pdd/gui/round_view.py" line="116" />
        <source>Section / field</source>
        <translation>セクション / 項目</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/participant.py" line="84" />
        <location filename="../../jcm_pdd/gui/review_panel.py" line="119" />
        <source>Finding</source>
        <translation>指摘内容</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/participant.py" line="84" />
        <source>Your response</source>
        <translation>あなたの回答</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/participant.py" line="108" />
        <location filename="../../jcm_pdd/gui/participant.py" line="109" />
        <source>Your response to this finding</source>
        <translation>この指摘へのあなたの回答</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/participant.py" line="111" />
        <source>Save response</source>
        <translation>回答を保存</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/participant.py" line="167" />
        <source>Review “{0}” (round {1}): {2} finding(s), {3} waiting for your response. Responses go into the next package.</source>
        <translation>レビュー「{0}」（第 {1} 回）: 指摘 {2} 件、うち回答待ち {3} 件。回答は次のパッケージに含まれます。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/participant.py" line="186" />
        <source>Select a finding to answer it.</source>
        <translation>回答する指摘を選択してください。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/participant.py" line="194" />
        <source>{0} ({1}) on {2} — {3}; raised in round {4}</source>
        <translation>{2} への {0}（{1}）— {3}、第 {4} 回で提起</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/participant.py" line="204" />
        <source>Validator's assessment: {0}</source>
        <translation>審査機関の評価: {0}</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/participant.py" line="226" />
        <source>Write your response first.</source>
        <translation>先に回答を書いてください。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/participant.py" line="235" />
        <source>Response not saved</source>
        <translation>回答は保存されませんでした</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/participant.py" line="256" />
        <source>Open the validator's review</source>
        <translation>審査機関のレビューを開く</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/participant.py" line="264" />
        <source>Review not opened</source>
        <translation>レビューを開けませんでした</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/export_dialog.py" line="379" />
        <location filename="../../jcm_pdd/gui/review_panel.py" line="119" />
        <source>Round</source>
        <translation>審査回</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_panel.py" line="141" />
        <source>Type</source>
        <translation>種別</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_panel.py" line="146" />
        <location filename="../../jcm_pdd/gui/review_panel.py" line="149" />
        <source>Section or field</source>
        <translation>セクションまたは項目</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_panel.py" line="151" />
        <source>The section selected in the navigator, one of its fields, or a field path</source>
        <translation>ナビゲーターで選択中のセクション、その項目、または項目のパス</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_panel.py" line="153" />
        <source>What the validator found</source>
        <translation>審査員が指摘した内容</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_panel.py" line="154" />
        <source>The project participants' response</source>
        <translation>プロジェクト参加者の回答</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_panel.py" line="155" />
        <location filename="../../jcm_pdd/gui/round_view.py" line="138" />
        <source>The TPE's assessment of the response</source>
        <translation>回答に対する TPE の評価</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_panel.py" line="159" />
        <source>Type:</source>
        <translation>種別:</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_panel.py" line="162" />
        <source>Section / field:</source>
        <translation>セクション / 項目:</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_panel.py" line="168" />
        <source>Finding:</source>
        <translation>指摘内容:</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_panel.py" line="169" />
        <source>Response:</source>
        <translation>回答:</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_panel.py" line="170" />
        <source>Assessment:</source>
        <translation>評価:</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_panel.py" line="180" />
        <source>New finding</source>
        <translation>新しい指摘</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_panel.py" line="181" />
        <source>Raise finding</source>
        <translation>指摘を登録</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_panel.py" line="182" />
        <source>Save text</source>
        <translation>文面を保存</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_panel.py" line="183" />
        <source>Record response</source>
        <translation>回答を記録</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_panel.py" line="184" />
        <location filename="../../jcm_pdd/gui/round_view.py" line="142" />
        <source>Close finding</source>
        <translation>解決済みにする</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_panel.py" line="185" />
        <location filename="../../jcm_pdd/gui/round_view.py" line="143" />
        <source>Keep open</source>
        <translation>未完了のまま</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_panel.py" line="187" />
        <source>The response does not resolve it: the finding stays open for the next round</source>
        <translation>回答では解決しません: 指摘は次の審査回まで未完了のままです</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_panel.py" line="189" />
        <source>Reopen</source>
        <translation>再開</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_panel.py" line="269" />
        <source>New finding on {0}</source>
        <translation>{0} への新しい指摘</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_panel.py" line="316" />
        <source>Raised by {0} on {1}</source>
        <translation>{1} に {0} が指摘</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_panel.py" line="303" />
        <source>No findings yet.</source>
        <translation>指摘事項はまだありません。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_panel.py" line="306" />
        <source>{0} finding(s); {1} CAR/CL not closed — no positive opinion yet.</source>
        <translation>指摘事項 {0} 件。未解決の CAR/CL が {1} 件あります — まだ肯定的な意見は出せません。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_panel.py" line="311" />
        <source>{0} finding(s); no CAR or CL left open.</source>
        <translation>指摘事項 {0} 件。未解決の CAR・CL はありません。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_panel.py" line="396" />
        <source>New finding on the section selected in the navigator</source>
        <translation>ナビゲーターで選択中のセクションへの新しい指摘</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_panel.py" line="417" />
        <source>{0} on {1} — {2}; raised in round {3}</source>
        <translation>{0}（{1}）— {2}。第 {3} 回で指摘</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_panel.py" line="461" />
        <source>Finding not saved</source>
        <translation>指摘事項は保存されませんでした</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_panel.py" line="476" />
        <location filename="../../jcm_pdd/gui/review_panel.py" line="495" />
        <source>A finding needs a description.</source>
        <translation>指摘事項には内容の記述が必要です。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_panel.py" line="478" />
        <source>A finding must name the section or field it concerns.</source>
        <translation>指摘事項には対象のセクションまたは項目を指定してください。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_panel.py" line="511" />
        <source>Write the participants' response first.</source>
        <translation>先に参加者の回答を入力してください。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_files.py" line="28" />
        <location filename="../../jcm_pdd/gui/review_files.py" line="35" />
        <source>Continue an earlier review</source>
        <translation>前回の審査記録を引き継ぐ</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_files.py" line="29" />
        <source>This review already holds findings or sign-offs; nothing was carried over.</source>
        <translation>この審査記録には既に指摘事項またはサインオフがあるため、引き継ぎは行いませんでした。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/participant.py" line="258" />
        <location filename="../../jcm_pdd/gui/review_files.py" line="37" />
        <source>JCM review (*{0})</source>
        <translation>JCM 審査記録 (*{0})</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_common.py" line="165" />
        <source>That is this round's own review file.</source>
        <translation>それは今回の審査記録ファイルそのものです。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_files.py" line="57" />
        <source>Review not carried over</source>
        <translation>審査記録を引き継げませんでした</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_files.py" line="63" />
        <source>Word document (*.docx)</source>
        <translation>Word 文書 (*.docx)</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_files.py" line="63" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel ブック (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_files.py" line="67" />
        <source>Export findings</source>
        <translation>指摘事項の出力</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_common.py" line="180" />
        <source>Findings are exported as .docx or .xlsx.</source>
        <translation>指摘事項は .docx または .xlsx で出力します。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_files.py" line="76" />
        <source>Findings not exported</source>
        <translation>指摘事項は出力されませんでした</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/signoff_panel.py" line="98" />
        <location filename="../../jcm_pdd/gui/signoff_panel.py" line="172" />
        <source>Sign off this section</source>
        <translation>このセクションをサインオフ</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/signoff_panel.py" line="100" />
        <source>Mark the section selected in the navigator as reviewed in this round</source>
        <translation>ナビゲーターで選択中のセクションを、今回の審査で確認済みとして記録します</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/signoff_panel.py" line="102" />
        <source>Remove sign-off</source>
        <translation>サインオフを取り消す</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/review_docks.py" line="108" />
        <location filename="../../jcm_pdd/gui/signoff_panel.py" line="112" />
        <source>Sign-offs</source>
        <translation>サインオフ</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/confidential.py" line="277" />
        <location filename="../../jcm_pdd/gui/signoff_panel.py" line="114" />
        <source>Section</source>
        <translation>セクション</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/signoff_panel.py" line="114" />
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/signoff_panel.py" line="114" />
        <source>Signed off</source>
        <translation>サインオフ日</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/signoff_panel.py" line="114" />
        <source>Reviewer</source>
        <translation>審査員</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/signoff_panel.py" line="127" />
        <source>What changed since the sign-off</source>
        <translation>サインオフ後の変更内容</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/signoff_panel.py" line="129" />
        <source>Signed-off value</source>
        <translation>サインオフ時の値</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/signoff_panel.py" line="129" />
        <source>Now</source>
        <translation>現在の値</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/signoff_panel.py" line="129" />
        <source>Field or figure</source>
        <translation>項目</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/signoff_panel.py" line="172" />
        <source>Sign off {0}</source>
        <translation>{0} をサインオフ</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/signoff_panel.py" line="190" />
        <location filename="../../jcm_pdd/gui/verifier_periods.py" line="139" />
        <source>⚠ stale: {0} change(s)</source>
        <translation>⚠ 要再確認: 変更 {0} 件</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/signoff_panel.py" line="192" />
        <source>✓ current</source>
        <translation>✓ 最新</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/signoff_panel.py" line="196" />
        <source>round {0}, {1}</source>
        <translation>第 {0} 回、{1}</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/signoff_panel.py" line="205" />
        <source>Changed since it was signed off; select to see what</source>
        <translation>サインオフ後に変更されています。選択すると変更内容を表示します</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/signoff_panel.py" line="212" />
        <source>No section signed off yet.</source>
        <translation>サインオフしたセクションはまだありません。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/signoff_panel.py" line="215" />
        <source>{0} sign-off(s); {1} stale — changed since they were signed off.</source>
        <translation>サインオフ {0} 件。うち {1} 件はサインオフ後に変更があり、再確認が必要です。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/signoff_panel.py" line="220" />
        <source>{0} sign-off(s), all current.</source>
        <translation>サインオフ {0} 件。すべて最新です。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/signoff_panel.py" line="241" />
        <source>Select a sign-off to see what changed since.</source>
        <translation>サインオフを選択すると、その後の変更内容を表示します。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/signoff_panel.py" line="246" />
        <source>{0}: unchanged since round {1}.</source>
        <translation>{0}: 第 {1} 回から変更はありません。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/signoff_panel.py" line="251" />
        <source>{0}: changed since the sign-off in round {1} — sign off again once reviewed.</source>
        <translation>{0}: 第 {1} 回のサインオフ後に変更されました — 確認後に再度サインオフしてください。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/signoff_panel.py" line="311" />
        <source>Not signed off</source>
        <translation>サインオフできませんでした</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/signoff_panel.py" line="331" />
        <source>Sign-off not removed</source>
        <translation>サインオフを取り消せませんでした</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/participant.py" line="113" />
        <source>Go to the field</source>
        <translation>該当項目へ移動</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/package_window.py" line="134" />
        <source>read-only</source>
        <translation>読み取り専用</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/document_view.py" line="64" />
        <source>Take over…</source>
        <translation>ロックを引き継ぐ…</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/document_view.py" line="67" />
        <source>Edit here anyway, after a warning (when the other copy is no longer running)</source>
        <translation>警告の後、ここで編集します（もう一方の JCM PDD Studio が動いていない場合）</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/document_view.py" line="129" />
        <source>Verified</source>
        <translation>検証済み</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/document_view.py" line="129" />
        <source>Not trustworthy</source>
        <translation>信頼できません</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/document_view.py" line="129" />
        <source>Notice</source>
        <translation>お知らせ</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/round_view.py" line="52" />
        <source>The review holds no earlier round.</source>
        <translation>レビューに以前の審査回はありません。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/round_view.py" line="55" />
        <source>The package of round {0} (“{1}”) is not in this folder, so the changes since then cannot be shown; use Compare with… to choose it.</source>
        <translation>第 {0} 回のパッケージ（「{1}」）がこのフォルダーにないため、それ以降の変更を表示できません。「比較…」で選択してください。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/round_view.py" line="65" />
        <source>“{0}” beside this package is not the package the review saw as round {1}.</source>
        <translation>このパッケージの隣の「{0}」は、レビューが第 {1} 回として記録したパッケージではありません。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/round_view.py" line="111" />
        <source>Findings to settle in this round</source>
        <translation>この審査回で判断する指摘</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/round_view.py" line="117" />
        <source>Participants' response</source>
        <translation>参加者の回答</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/round_view.py" line="118" />
        <source>The field now</source>
        <translation>現在の値</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/round_view.py" line="119" />
        <source>Since last round</source>
        <translation>前回からの変化</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/round_view.py" line="139" />
        <source>Assessment</source>
        <translation>評価</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/round_view.py" line="144" />
        <source>Re-open</source>
        <translation>再オープン</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/round_view.py" line="196" />
        <source>(no response)</source>
        <translation>（回答なし）</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/round_view.py" line="198" />
        <source>changed</source>
        <translation>変更あり</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/round_view.py" line="198" />
        <source>unchanged</source>
        <translation>変更なし</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/round_view.py" line="207" />
        <source>{0} field(s) and {1} figure(s) changed since round {2}</source>
        <translation>第 {2} 回以降に項目 {0} 件と数値 {1} 件が変更</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/round_view.py" line="211" />
        <source>the changes since the last round are not available</source>
        <translation>前回からの変更は表示できません</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/round_view.py" line="215" />
        <source>Round {0}: {1}; {2} finding(s) not closed, {3} answered in this package.</source>
        <translation>第 {0} 回: {1}。未完了の指摘 {2} 件、このパッケージで回答 {3} 件。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/find_bar.py" line="48" />
        <source>Find in the whole submission (text or field name)</source>
        <translation>提出書類全体を検索（文字列または項目名）</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/find_bar.py" line="49" />
        <source>Find</source>
        <translation>検索</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/find_bar.py" line="58" />
        <source>Previous match (Shift+Enter)</source>
        <translation>前の一致 (Shift+Enter)</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/find_bar.py" line="59" />
        <source>Previous match</source>
        <translation>前の一致</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/find_bar.py" line="63" />
        <source>Next match (Enter)</source>
        <translation>次の一致 (Enter)</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/find_bar.py" line="64" />
        <source>Next match</source>
        <translation>次の一致</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/find_bar.py" line="68" />
        <source>Close (Esc)</source>
        <translation>閉じる (Esc)</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/find_bar.py" line="69" />
        <source>Close the find bar</source>
        <translation>検索バーを閉じる</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/find_bar.py" line="73" />
        <source>Find:</source>
        <translation>検索:</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/find_bar.py" line="120" />
        <source>no match</source>
        <translation>一致なし</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/find_bar.py" line="125" />
        <source>{0} of {1}</source>
        <translation>{0} / {1}</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/help.py" line="49" />
        <location filename="../../jcm_pdd/gui/help.py" line="53" />
        <source>User guide</source>
        <translation>ユーザーガイド</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/help.py" line="68" />
        <source>Keep a table cell's text and close its editor</source>
        <translation>表のセルの入力を確定して編集を終える</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/help.py" line="69" />
        <source>A new line in a paragraph cell (B.2, Table 1 methods)</source>
        <translation>段落セル内の改行（B.2、表1の方法）</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/help.py" line="72" />
        <source>Edit the table full width; F11 or Esc goes back to the form</source>
        <translation>表を全幅で編集する。F11 または Esc でフォームに戻る</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/help.py" line="74" />
        <source>Next / previous field or cell</source>
        <translation>次・前の項目またはセル</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/help.py" line="75" />
        <source>Drop the change in a cell; close the find bar</source>
        <translation>セルの変更を取り消す。検索バーを閉じる</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/help.py" line="76" />
        <source>Next / previous match</source>
        <translation>次・前の一致</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/help.py" line="85" />
        <location filename="../../jcm_pdd/gui/help.py" line="90" />
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/help.py" line="91" />
        <source>Keys</source>
        <translation>キー</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/help.py" line="91" />
        <source>What it does</source>
        <translation>機能</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/help.py" line="112" />
        <source>Help on this field</source>
        <translation>この項目のヘルプ</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/help.py" line="116" />
        <source>The form gives no guidance for this field.</source>
        <translation>様式にはこの項目のガイダンスがありません。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/help.py" line="119" />
        <source>Methodology: {0}</source>
        <translation>方法論: {0}</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/table_window.py" line="58" />
        <location filename="../../jcm_pdd/gui/table_window.py" line="77" />
        <source>Back to the form</source>
        <translation>フォームに戻る</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/table_window.py" line="65" />
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/table_window.py" line="66" />
        <source>Redo</source>
        <translation>やり直す</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_chart.py" line="24" />
        <source>Actual vs estimated chart</source>
        <translation>実績と推計のグラフ</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_chart.py" line="43" />
        <source>Estimated (C.3)</source>
        <translation>推計（C.3）</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_chart.py" line="43" />
        <source>Actual</source>
        <translation>実績</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_figures.py" line="42" />
        <source>No figures yet: {0}</source>
        <translation>数値はまだありません: {0}</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_figures.py" line="45" />
        <source>{0} days. RE_p {1} tCO2e, PE_p {2} tCO2e, ER_p {3} tCO2e; credited {4} tCO2e (rounded down).</source>
        <translation>{0} 日。RE_p {1} tCO2e、PE_p {2} tCO2e、ER_p {3} tCO2e。クレジット対象 {4} tCO2e（切り捨て）。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_figures.py" line="56" />
        <source>{0}: {1} days, ER {2}</source>
        <translation>{0}年: {1} 日、ER {2}</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_figures.py" line="59" />
        <source>Shared between the years by days: {0}.</source>
        <translation>日数で年ごとに按分: {0}。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_figures.py" line="71" />
        <source>Whole tCO2e. A year's actual ER is the sum of the periods' shares of it (a period crossing a year is shared by days), rounded like a row of C.3; the credited total is the sum of each period's ER rounded down.</source>
        <translation>単位は tCO2e（整数）。各年の実績 ER はその年に属する各期間の持ち分（年をまたぐ期間は日数で按分）の合計で、C.3 の行と同じく丸めます。クレジット対象の合計は各期間の ER を切り捨てた値の合計です。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_figures.py" line="79" />
        <source>Actual vs estimated emission reductions per year</source>
        <translation>年ごとの排出削減量の実績と推計</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_figures.py" line="86" />
        <source>Estimated ER (C.3)</source>
        <translation>推計 ER（C.3）</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_figures.py" line="87" />
        <source>Actual ER</source>
        <translation>実績 ER</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_figures.py" line="88" />
        <source>Difference</source>
        <translation>差</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_figures.py" line="89" />
        <source>Monitored days</source>
        <translation>モニタリング日数</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_figures.py" line="107" />
        <source>Calculating… {0} of {1} periods done.</source>
        <translation>計算中… {1} 期間中 {0} 期間が完了。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_figures.py" line="123" />
        <source>Monitored {0} of the {1} days of {2}: no difference is shown</source>
        <translation>{2}年の {1} 日のうち {0} 日をモニタリング: 差は表示しません</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_figures.py" line="139" />
        <source>C.3 covers every year; the periods only the days they monitor</source>
        <translation>C.3 はすべての年を、モニタリング期間はその対象日だけを含みます</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_figures.py" line="165" />
        <source>Estimated (C.3) in total: {0} tCO2e. Credited in the monitoring periods: {1} tCO2e ({2} of {3} periods calculated).</source>
        <translation>推計（C.3）合計: {0} tCO2e。モニタリング期間のクレジット対象: {1} tCO2e（{3} 期間中 {2} 期間を算定）。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_import.py" line="121" />
        <location filename="../../jcm_pdd/gui/monitoring_import.py" line="232" />
        <location filename="../../jcm_pdd/gui/monitoring_import.py" line="419" />
        <source>Import monitored data</source>
        <translation>モニタリングデータの取り込み</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_import.py" line="128" />
        <source>File of meter readings</source>
        <translation>メーター読み取り値のファイル</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_import.py" line="144" />
        <source>Unit of the readings</source>
        <translation>読み取り値の単位</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_import.py" line="145" />
        <source>e.g. kWh</source>
        <translation>例: kWh</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_import.py" line="147" />
        <source>Periods to fill</source>
        <translation>取り込む期間</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_export.py" line="27" />
        <source>Export monitoring report</source>
        <translation>モニタリング報告書のエクスポート</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_export.py" line="34" />
        <source>Monitoring Report Sheet (Excel)</source>
        <translation>モニタリング報告シート（Excel）</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_export.py" line="35" />
        <source>Monitoring Report (Word)</source>
        <translation>モニタリング報告書（Word）</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_export.py" line="36" />
        <source>Monitoring Report (PDF)</source>
        <translation>モニタリング報告書（PDF）</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_export.py" line="45" />
        <source>Public copy</source>
        <translation>公開用</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_export.py" line="45" />
        <source>Confidential copy</source>
        <translation>非公開用</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_export.py" line="50" />
        <source>Copies:</source>
        <translation>版:</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_export.py" line="52" />
        <source>Periods in the report</source>
        <translation>報告書に含める期間</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_export.py" line="58" />
        <location filename="../../jcm_pdd/gui/monitoring_import.py" line="153" />
        <source>Period {0}</source>
        <translation>期間 {0}</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_export.py" line="76" />
        <source>Choose at least one period for the report.</source>
        <translation>報告書に含める期間を 1 つ以上選んでください。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_export.py" line="98" />
        <source>Exported:</source>
        <translation>エクスポートしたファイル:</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_import.py" line="159" />
        <source>Keep the first of duplicate readings (else refuse the file)</source>
        <translation>重複した読み取り値は最初のものを使う（使わない場合はファイルを拒否）</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_import.py" line="168" />
        <source>File:</source>
        <translation>ファイル:</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_import.py" line="169" />
        <source>First rows:</source>
        <translation>先頭の行:</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_import.py" line="170" />
        <source>Time column:</source>
        <translation>時刻の列:</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_import.py" line="171" />
        <source>Value column:</source>
        <translation>値の列:</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_import.py" line="172" />
        <source>Meter column:</source>
        <translation>メーターの列:</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_import.py" line="173" />
        <source>Parameter (Table 1):</source>
        <translation>パラメータ（表1）:</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_import.py" line="174" />
        <source>Unit of the readings:</source>
        <translation>読み取り値の単位:</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_export.py" line="63" />
        <location filename="../../jcm_pdd/gui/monitoring_import.py" line="175" />
        <source>Periods:</source>
        <translation>期間:</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_import.py" line="178" />
        <source>Time column</source>
        <translation>時刻の列</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_import.py" line="179" />
        <source>Value column</source>
        <translation>値の列</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_import.py" line="180" />
        <source>Meter column</source>
        <translation>メーターの列</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_import.py" line="181" />
        <source>Parameter (Table 1)</source>
        <translation>パラメータ（表1）</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_import.py" line="188" />
        <source>Preview of the import</source>
        <translation>取り込みのプレビュー</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_import.py" line="103" />
        <location filename="../../jcm_pdd/gui/monitoring_page.py" line="106" />
        <location filename="../../jcm_pdd/gui/verifier_periods.py" line="105" />
        <source>Period</source>
        <translation>期間</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_import.py" line="104" />
        <source>Meter</source>
        <translation>メーター</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_import.py" line="107" />
        <source>Readings</source>
        <translation>読み取り数</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_import.py" line="108" />
        <source>Expected</source>
        <translation>想定数</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_import.py" line="109" />
        <source>Missing (first)</source>
        <translation>欠測（最初）</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_import.py" line="110" />
        <source>Duplicates</source>
        <translation>重複</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_import.py" line="202" />
        <source>Preview</source>
        <translation>プレビュー</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_import.py" line="203" />
        <source>Apply</source>
        <translation>適用</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_import.py" line="234" />
        <source>Meter readings (*.csv *.xlsx);;All files (*)</source>
        <translation>メーター読み取り値 (*.csv *.xlsx);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_import.py" line="248" />
        <location filename="../../jcm_pdd/gui/monitoring_import.py" line="322" />
        <source>Choose a CSV or .xlsx file of meter readings.</source>
        <translation>メーター読み取り値の CSV または .xlsx ファイルを選んでください。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_import.py" line="266" />
        <source>(none: one series)</source>
        <translation>（なし: 1 系列）</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_import.py" line="275" />
        <source>Check the columns and the unit, then press Preview.</source>
        <translation>列と単位を確認してから「プレビュー」を押してください。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_import.py" line="298" />
        <source>Choose at least one period to fill.</source>
        <translation>取り込む期間を 1 つ以上選んでください。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_import.py" line="333" />
        <source>Reading {0}…</source>
        <translation>{0} を読み込み中…</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_import.py" line="387" />
        <source>{0}: {1} rows, SHA-256 {2}. Readings in {3} are converted to {4}. {5} readings missing, {6} duplicate(s) ignored, {7} rows outside the chosen periods. Apply writes the totals and keeps the file as their evidence.</source>
        <translation>{0}: {1} 行、SHA-256 {2}。{3} の読み取り値を {4} に換算します。欠測 {5} 件、無視した重複 {6} 件、選んだ期間外の行 {7} 行。「適用」で合計を書き込み、ファイルをその証拠として保存します。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_import.py" line="414" />
        <source>monitored data</source>
        <translation>モニタリングデータ</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_import.py" line="424" />
        <source>{0} imported into {1} period(s)</source>
        <translation>{0} を {1} 期間に取り込みました</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_period.py" line="54" />
        <source>{0}: {1} of {2} readings</source>
        <translation>{0}: 計測値 {2} 件中 {1} 件</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_period.py" line="58" />
        <source>; {0} missing (first {1})</source>
        <translation>、欠測 {0} 件（最初は {1}）</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_period.py" line="62" />
        <source>; {0} duplicate(s) ignored</source>
        <translation>、重複 {0} 件を無視</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_period.py" line="71" />
        <source>Readings in {0} are converted to {1}.</source>
        <translation>{0} の読み取り値を {1} に換算しています。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_period.py" line="98" />
        <source>Only when the period leaves a gap or overlaps another: why</source>
        <translation>期間に空白や重複がある場合のみ: その理由</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_period.py" line="106" />
        <source>Files of monitored data</source>
        <translation>モニタリングデータのファイル</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_period.py" line="109" />
        <source>No period chosen. Add one with “Add period”.</source>
        <translation>期間が選ばれていません。「期間を追加」で追加してください。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_period.py" line="111" />
        <source>First day:</source>
        <translation>初日:</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_period.py" line="112" />
        <source>Last day:</source>
        <translation>最終日:</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_period.py" line="113" />
        <source>Reason for a gap or overlap:</source>
        <translation>空白・重複の理由:</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_period.py" line="114" />
        <source>Comments:</source>
        <translation>コメント:</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_period.py" line="117" />
        <source>Reason for a gap or overlap</source>
        <translation>空白・重複の理由</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_period.py" line="118" />
        <location filename="../../jcm_pdd/gui/monitoring_values.py" line="82" />
        <source>Comments</source>
        <translation>コメント</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_period.py" line="123" />
        <source>Figures of the period:</source>
        <translation>期間の数値:</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_period.py" line="125" />
        <source>Files of monitored data (kept as evidence):</source>
        <translation>モニタリングデータのファイル（証拠として保存）:</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_period.py" line="162" />
        <source>{0}: {1} rows, imported {2}</source>
        <translation>{0}: {1} 行、{2} に取り込み</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_values.py" line="75" />
        <source>Project unit</source>
        <translation>ユニット</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_values.py" line="77" />
        <source>Unit of measure</source>
        <translation>単位</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_values.py" line="88" />
        <source>A: public data</source>
        <translation>A: 公開データ</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_values.py" line="89" />
        <source>B: invoices or transactions</source>
        <translation>B: 請求書・取引記録</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_values.py" line="90" />
        <source>C: own measurement</source>
        <translation>C: 自ら計測</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_values.py" line="156" />
        <source>The Monitoring Plan (Table 1) does not list this parameter and unit</source>
        <translation>モニタリング計画（表1）にこのパラメータと単位の組み合わせはありません</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_values.py" line="258" />
        <source>Monitored values of the period</source>
        <translation>期間のモニタリング値</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_values.py" line="271" />
        <source>Attach evidence…</source>
        <translation>証拠書類を添付…</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_values.py" line="273" />
        <source>Attach a file (calibration certificate, invoice …) as evidence of the chosen value</source>
        <translation>選んだ値の証拠としてファイル（校正証明書、請求書など）を添付します</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_values.py" line="276" />
        <source>Remove evidence…</source>
        <translation>証拠書類を外す…</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_values.py" line="278" />
        <source>Remove one evidence file from the chosen value (the file stays attached)</source>
        <translation>選んだ値から証拠書類を 1 つ外します（ファイルは添付されたまま残ります）</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_values.py" line="361" />
        <source>Enter a monitored value</source>
        <translation>モニタリング値の入力</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_values.py" line="386" />
        <location filename="../../jcm_pdd/gui/monitoring_values.py" line="405" />
        <source>Attach evidence</source>
        <translation>証拠書類の添付</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_values.py" line="394" />
        <location filename="../../jcm_pdd/gui/monitoring_values.py" line="412" />
        <source>Choose a value first.</source>
        <translation>先に値を選んでください。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_values.py" line="398" />
        <source>evidence</source>
        <translation>証拠書類</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_values.py" line="417" />
        <source>This value has no evidence file.</source>
        <translation>この値には証拠書類がありません。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_values.py" line="422" />
        <source>Remove evidence</source>
        <translation>証拠書類を外す</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/monitoring_values.py" line="423" />
        <source>Evidence file to remove from this value:</source>
        <translation>この値から外す証拠書類:</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/verifier_periods.py" line="87" />
        <source>Sign off period</source>
        <translation>期間をサインオフ</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/verifier_periods.py" line="89" />
        <source>Mark the selected period's values and figures as verified in this round</source>
        <translation>選択した期間の値と数値を、この回で検証済みとして記録します</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/verifier_periods.py" line="91" />
        <source>Raise finding on period…</source>
        <translation>期間に指摘を出す…</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/verifier_periods.py" line="92" />
        <source>Show period</source>
        <translation>期間を表示</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/verifier_periods.py" line="103" />
        <source>Monitoring periods to verify</source>
        <translation>検証するモニタリング期間</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/verifier_periods.py" line="105" />
        <source>Dates</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/verifier_periods.py" line="105" />
        <source>Open findings</source>
        <translation>未解決の指摘</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/verifier_periods.py" line="105" />
        <source>Sign-off</source>
        <translation>サインオフ</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/verifier_periods.py" line="137" />
        <source>not signed off</source>
        <translation>未サインオフ</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/verifier_periods.py" line="142" />
        <source>✓ round {0}</source>
        <translation>✓ 第 {0} 回</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/verifier_periods.py" line="158" />
        <source>{0} period(s) to verify: {1} signed off, {2} stale, {3} to go.</source>
        <translation>検証する期間 {0} 件: サインオフ済み {1} 件、要再確認 {2} 件、残り {3} 件。</translation>
    </message>
<message><location filename="../../jcm_pdd/gui/calc_panel.py" line="362" /><source>Result</source><translation>結果</translation></message><message><location filename="../../jcm_pdd/gui/calc_panel.py" line="360" /><source>With values</source><translation>数値を代入</translation></message></context>
<context>
    <name>DocumentController</name>
    <message>
        <location filename="../../jcm_pdd/gui/controller.py" line="61" />
        <location filename="../../jcm_pdd/gui/controller.py" line="74" />
        <source>The document is read-only.</source>
        <translation>この文書は読み取り専用です。</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/controller.py" line="86" />
        <source>Add row</source>
        <translation>行を追加</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/controller.py" line="92" />
        <source>Remove row</source>
        <translation>行を削除</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/controller.py" line="100" />
        <location filename="../../jcm_pdd/gui/controller.py" line="108" />
        <source>Unmark confidential</source>
        <translation>機密を解除</translation>
    </message>
    <message>
        <location filename="../../jcm_pdd/gui/controller.py" line="100" />
        <source>Mark confidential</source>
        <translation>機密にする</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <location filename="../../jcm_pdd/gui/undo.py" line="46" />
        <source>Edit {0}</source>
        <translation>{0} を編集</translation>
    </message>
</context>
</TS>