# ruff: noqa: E501  (one translation per line reads best for a reviewer)
"""Fill jcm_pdd_ja.ts with the Japanese interface strings (run after pyside6-lupdate).

Kept beside the catalogue so a translator can review every string in one place; the .ts stays
the source of truth for Qt Linguist, and pyside6-lrelease compiles it to jcm_pdd_ja.qm.

    pyside6-lupdate jcm_pdd/gui/*.py -ts resources/translations/jcm_pdd_ja.ts -no-obsolete
    python resources/translations/fill_ja.py
    pyside6-lrelease resources/translations/jcm_pdd_ja.ts -qm resources/translations/jcm_pdd_ja.qm

pyside6-lupdate does not look inside f-strings, so a ``tr("…")`` written in an f-string
expression would stay untranslated; ``fill`` adds those messages to the catalogue itself.
"""

from __future__ import annotations

import ast
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

GUI = Path(__file__).resolve().parents[2] / "jcm_pdd" / "gui"

JA = {
    "The figures need {0} more inputs. First: {1}": "数値の算出にはあと {0} 件の入力が必要です。最初の項目: {1}",
    "The work stopped because of an internal problem in JCM PDD Studio (a bug, please report it); no file was written and your project was not changed.": "JCM PDD Studio 内部の問題（不具合です。ご報告ください）により処理が止まりました。ファイルは書き込まれず、プロジェクトは変更されていません。",
    "Your name on findings and sign-offs": "指摘とサインオフに記載するあなたの名前",
    "e.g. Aiko Tanaka, TPE Co.": "例: 田中 愛子（TPE 株式会社）",
    "Your name (validators):": "氏名（審査担当者）:",
    "Written on the findings you raise and the sections you sign off in a validation package. Left empty, your login name is used.": "有効化審査パッケージで挙げた指摘とサインオフしたセクションに記載されます。空欄の場合はログイン名が使われます。",
    " (no methodology shipped yet)": "（方法論は未収録）",
    "&Country:": "国(&C):",
    "&Edit": "編集(&E)",
    "&File": "ファイル(&F)",
    "&Help": "ヘルプ(&H)",
    "&View": "表示(&V)",
    "&New…": "新規(&N)…",
    "&Open…": "開く(&O)…",
    "&Save": "保存(&S)",
    "Save &As…": "名前を付けて保存(&A)…",
    "&Close": "閉じる(&C)",
    "&Export…": "エクスポート(&E)…",
    "&Package for validation…": "有効化審査用パッケージ作成(&P)…",
    "&Preferences…": "設定(&P)…",
    "&Quit": "終了(&Q)",
    "Start &page": "スタートページ(&P)",
    "Show &calculation…": "計算過程を表示(&C)…",
    "&About JCM PDD Studio": "JCM PDD Studio について(&A)",
    "&Undo": "元に戻す(&U)",
    "&Redo": "やり直し(&R)",
    "(never saved)": "（未保存）",
    "About JCM PDD Studio": "JCM PDD Studio について",
    "Add attachment": "添付ファイルを追加",
    "Add image or PDF…": "画像または PDF を追加…",
    "Add row": "行を追加",
    "Add row to {0}": "{0} に行を追加",
    "Add site": "サイトを追加",
    "Annex": "附属書",
    "Approved methodology": "承認済み方法論",
    "Attached files": "添付ファイル一覧",
    "Attachments": "添付ファイル",
    "Autosave failed: {0}": "自動保存に失敗しました: {0}",
    "Autosaved": "自動保存日時",
    "Browse…": "参照…",
    "Calculation steps": "計算手順",
    "Calendar year": "暦年",
    "Cannot open": "開けません",
    "Choose one of: {0}": "次のいずれかを選択してください: {0}",
    "Complete": "完了",
    "Copy the selected project as the base of a new one": "選択したプロジェクトを複製して新しいプロジェクトの基にします",
    "Country": "国",
    "City": "市町村",
    "Region": "地域",
    "Latitude": "緯度",
    "Longitude": "経度",
    "Units": "設備数",
    "Site ID": "サイト ID",
    "Decide later": "後で決める",
    "Description": "説明",
    "Diagnostics": "診断",
    "Discard": "破棄",
    "Documents:": "文書:",
    "Draft (allowed while errors remain; marked DRAFT)": "ドラフト（エラーが残っていても可。DRAFT と表示）",
    "Draft, calculate, export and package Project Design Documents for the Joint Crediting Mechanism — offline.": "二国間クレジット制度（JCM）のプロジェクト設計書（PDD）を、オフラインで作成・計算・出力・パッケージ化します。",
    "Duplicate project": "プロジェクトを複製",
    "Duplicate…": "複製…",
    "ER": "ER",
    "ER (tCO2e/yr)": "ER（tCO2e/年）",
    "Edit {0}": "{0} を編集",
    "Emission reductions credited, tCO2e (rounded down)": "排出削減量 tCO2e（切り捨て）",
    "Emission reductions, tCO2e (rounded down)": "排出削減量 tCO2e（切り捨て）",
    "Emissions per year chart": "年別排出量グラフ",
    "Enter a date as YYYY-MM-DD": "日付を YYYY-MM-DD の形式で入力してください",
    "Enter a number, e.g. 1234.5": "数値を入力してください（例: 1234.5）",
    "Enter a whole number": "整数を入力してください",
    "Equation": "計算式",
    "Equations": "計算式",
    "Error": "エラー",
    "Estimated emission reductions (C.3)": "排出削減量の推計（C.3）",
    "Estimated emissions per year": "年別の推計排出量",
    "Export": "エクスポート",
    "Exported:": "エクスポートしたファイル:",
    "Field": "項目",
    "File": "ファイル",
    "Folder:": "フォルダー:",
    "Images and PDF ({0})": "画像と PDF ({0})",
    "Images and PDFs kept inside the project file: the figure for C.2 and evidence for any field.": "プロジェクトファイル内に保存される画像と PDF（C.2 の図や各項目の根拠資料）。",
    "Info": "情報",
    "Inputs": "入力値",
    "Inputs and their provenance": "入力値とその出所",
    "Interface language": "表示言語",
    "Interface language:": "表示言語:",
    "JCM PDD Studio": "JCM PDD Studio",
    "JCM PDD Studio was not closed normally. Unsaved work was kept for the documents below. Restore one to continue where you left off, or discard what you do not need.": "JCM PDD Studio は正常に終了しませんでした。以下の文書の未保存の作業が残っています。復元して作業を続けるか、不要なものを破棄してください。",
    "JCM PDD Studio {0}\nDraft, calculate, export and package JCM Project Design Documents, offline.": "JCM PDD Studio {0}\nJCM プロジェクト設計書をオフラインで作成・計算・出力・パッケージ化します。",
    "JCM PDD project (*.jcmpdd)": "JCM PDD プロジェクト (*.jcmpdd)",
    "JCM PDD project or validation package (*.jcmpdd *.jcmpkg)": "JCM PDD プロジェクトまたは審査パッケージ (*.jcmpdd *.jcmpkg)",
    "Last saved": "最終保存",
    "Main": "メイン",
    "Methodologies": "方法論",
    "Methodologies approved for the chosen country, with their version and status.": "選択した国で承認された方法論（バージョンと状態）。",
    "Methodology": "方法論",
    "Modalities of Communication": "コミュニケーション手続（MoC）",
    "Monitoring Plan": "モニタリング計画",
    "Monitoring Plan (Excel)": "モニタリング計画（Excel）",
    "Monitoring Structure": "モニタリング体制",
    "New project": "新規プロジェクト",
    "New project…": "新規プロジェクト…",
    "No figures yet.": "まだ数値がありません。",
    "No methodology for this country is shipped yet.": "この国の方法論はまだ収録されていません。",
    "No problems found.": "問題は見つかりませんでした。",
    "No project open.": "プロジェクトが開かれていません。",
    "No recent projects yet. Start a new one or open the sample.": "最近のプロジェクトはありません。新規作成するか、サンプルを開いてください。",
    "Not duplicated": "複製できませんでした",
    "Not saved": "保存されませんでした",
    "Not started": "未着手",
    "One row per site; the number of units (e.g. PV systems) gives one monitoring row per unit.": "サイトごとに 1 行。設備数（例: PV システム）に応じて設備ごとのモニタリング行が作られます。",
    "Open": "開く",
    "Open &Recent": "最近使ったファイル(&R)",
    "Open the sample project": "サンプルプロジェクトを開く",
    "Open…": "開く…",
    "PE": "PE",
    "Package file:": "パッケージファイル:",
    "Package for validation": "有効化審査用パッケージ",
    "Package written: {0}": "パッケージを作成しました: {0}",
    "Packaged by:": "作成者:",
    "Parameter": "パラメータ",
    "Partner country": "パートナー国",
    "Pick a date": "日付を選択",
    "Preferences": "設定",
    "Problem": "問題",
    "Progress": "進捗",
    "Project Design Document": "プロジェクト設計書（PDD）",
    "Project emissions, tCO2e": "プロジェクト排出量 tCO2e",
    "Provenance": "出所",
    "Quantity": "量",
    "RE": "RE",
    "Read-only: {0}": "読み取り専用: {0}",
    "Recent projects": "最近のプロジェクト",
    "Recover unsaved work": "未保存の作業の復元",
    "Recovered documents": "復元可能な文書",
    "Reference emissions, tCO2e": "リファレンス排出量 tCO2e",
    "Remove": "削除",
    "Remove row": "行を削除",
    "Remove row from {0}": "{0} から行を削除",
    "Remove site": "サイトを削除",
    "Required": "必須",
    "Restore": "復元",
    "Result": "結果",
    "Revision history": "改訂履歴",
    "Row {0}: coordinate out of range.": "{0} 行目: 座標が範囲外です。",
    "Row {0}: coordinates are decimal degrees, e.g. 47.918": "{0} 行目: 座標は十進数の度で入力してください（例: 47.918）",
    "Row {0}: give the site an ID.": "{0} 行目: サイト ID を入力してください。",
    "Row {0}: units must be a whole number of at least 1.": "{0} 行目: 設備数は 1 以上の整数にしてください。",
    "Save As": "名前を付けて保存",
    "Save the changes to “{0}” before closing?": "閉じる前に「{0}」の変更を保存しますか?",
    "Save the project first: the package is built from the saved file.": "先にプロジェクトを保存してください。パッケージは保存済みのファイルから作成されます。",
    "Saved {0}": "{0} を保存しました",
    "Sections of the submission": "提出書類の節",
    "Severity": "重大度",
    "Show calculation": "計算過程",
    "Show calculation…": "計算過程を表示…",
    "Sites": "サイト",
    "Sites and units": "サイトと設備",
    "Source": "出典",
    "The country hosting the project; its Joint Committee's forms and approved methodologies apply.": "プロジェクトの実施国。その国の合同委員会の様式と承認済み方法論が適用されます。",
    "The diagnostics report {0} error(s). Fix them before packaging for validation.": "診断で {0} 件のエラーがあります。パッケージを作成する前に修正してください。",
    "The document is read-only.": "この文書は読み取り専用です。",
    "The new language applies after restarting JCM PDD Studio. Exported documents are always in English, the official language of JCM.": "新しい言語は JCM PDD Studio の再起動後に適用されます。出力文書は常に JCM の公用語である英語です。",
    "The package holds no readable project.": "パッケージに読み込めるプロジェクトがありません。",
    "This version is superseded; a newer version may be required.": "このバージョンは改訂済みです。新しいバージョンが必要な場合があります。",
    "Title": "名称",
    "Total estimated emission reductions": "推計排出削減量の合計",
    "Total {0}–{1}: ER {2} tCO2e (RE {3}, PE {4})": "合計 {0}–{1}年: ER {2} tCO2e（RE {3}、PE {4}）",
    "Unit": "単位",
    "Unsaved changes": "未保存の変更",
    "Untitled": "無題",
    "Validation package “{0}” (round {1}): VERIFIED — every file matches its checksum. Read-only.": "審査パッケージ「{0}」（第 {1} 回）: 検証済み — すべてのファイルがチェックサムと一致しました。読み取り専用です。",
    "Validation package “{0}”: {1} — {2}. Read-only.": "審査パッケージ「{0}」: {1} — {2}。読み取り専用です。",
    "Value": "値",
    "Warning": "警告",
    "With values": "数値を代入",
    "YYYY-MM-DD": "YYYY-MM-DD",
    "Year": "年",
    "calculated": "計算値",
    "cannot be read": "読み込めません",
    "decimal degrees": "十進数の度",
    "default": "デフォルト値",
    "entered": "入力値",
    "missing": "見つかりません",
    "overridden": "上書き",
    "superseded": "改訂済み",
    "unverified default": "未検証のデフォルト値",
    "valid": "有効",
    "validation package": "審査パッケージ",
    "read-only": "読み取り専用",
    "Autosave": "自動保存",
    "{0} errors, {1} warnings, {2} notes — double-click a line to go to its field": "エラー {0} 件、警告 {1} 件、情報 {2} 件 — ダブルクリックで該当項目へ移動",
    "{0} errors, {1} warnings, {2} notes — double-click one to go there": "エラー {0} 件、警告 {1} 件、情報 {2} 件 — ダブルクリックで該当項目へ移動",
    "{0} of {1} required fields filled": "必須項目 {1} 件中 {0} 件入力済み",
    "{0} problem(s)": "問題 {0} 件",
    "⚠ Some default values in this template are not verified against the published methodology. They will be marked “unverified default” everywhere; check them before submitting.": "⚠ このテンプレートの一部のデフォルト値は、公表された方法論と照合されていません。どこでも「未検証のデフォルト値」と表示されます。提出前に確認してください。",
    "Calculation engine": "計算エンジン",
    "Estimated emission reductions": "排出削減量の推計",
    "Total": "合計",
    "yes": "はい",
    "Enter a date as YYYY-MM-DD or DD/MM/YYYY": "日付を YYYY-MM-DD または DD/MM/YYYY の形式で入力してください",
    "Change": "増減",
    "The review file cannot be written ({0}): {1}.": "審査記録ファイルを書き込めません（{0}）: {1}。",
    "folder": "フォルダー",
    "The calculation engine is not installed.": "計算エンジンがインストールされていません。",
    "Choose a methodology (B.1) to see the figures.": "数値を表示するには方法論（B.1）を選択してください。",
    "(no file chosen)": "（ファイル未選択）",
    "missing file {0}": "見つからないファイル {0}",
    "Where the inputs of the calculation come from": "計算の入力値の出所",
    "Inputs:": "入力値:",
    "One full year of operation (period p); each year in C.3 scales it by its days of operation.": "1 年間の稼働（期間 p）。C.3 の各年はその年の稼働日数で按分されます。",
    "no": "いいえ",
    # Review: findings, sign-offs, comparison (review_panel, signoff_panel, diff_view)
    "CAR — corrective action request": "CAR — 是正措置要求",
    "CL — clarification request": "CL — 明確化要求",
    "FAR — forward action request": "FAR — 次回検証時対応要求",
    "open": "未解決",
    "responded": "回答済み",
    "closed": "解決済み",
    "Show findings": "表示する指摘事項",
    "All findings": "すべての指摘事項",
    "Only {0}": "{0}のみ",
    "Export findings…": "指摘事項を出力…",
    "Save the findings table as Word (.docx) or Excel (.xlsx)": "指摘事項一覧を Word（.docx）または Excel（.xlsx）で保存します",
    "Show:": "表示:",
    "Findings": "指摘事項",
    "ID": "ID",
    "Status": "状態",
    "Section / field": "セクション / 項目",
    "Finding": "指摘内容",
    "Round": "審査回",
    "Type": "種別",
    "Section or field": "セクションまたは項目",
    "The section selected in the navigator, one of its fields, or a field path": "ナビゲーターで選択中のセクション、その項目、または項目のパス",
    "What the validator found": "審査員が指摘した内容",
    "The project participants' response": "プロジェクト参加者の回答",
    "The TPE's assessment of the response": "回答に対する TPE の評価",
    "Type:": "種別:",
    "Section / field:": "セクション / 項目:",
    "Finding:": "指摘内容:",
    "Response:": "回答:",
    "Assessment:": "評価:",
    "New finding": "新しい指摘",
    "Raise finding": "指摘を登録",
    "Save text": "文面を保存",
    "Record response": "回答を記録",
    "Close finding": "解決済みにする",
    "Reopen": "再開",
    "No findings yet.": "指摘事項はまだありません。",
    "{0} finding(s); {1} CAR/CL not closed — no positive opinion yet.": "指摘事項 {0} 件。未解決の CAR/CL が {1} 件あります — まだ肯定的な意見は出せません。",
    "{0} finding(s); no CAR or CL left open.": "指摘事項 {0} 件。未解決の CAR・CL はありません。",
    "New finding on the section selected in the navigator": "ナビゲーターで選択中のセクションへの新しい指摘",
    "{0} on {1} — {2}; raised in round {3}": "{0}（{1}）— {2}。第 {3} 回で指摘",
    "Finding not saved": "指摘事項は保存されませんでした",
    "A finding needs a description.": "指摘事項には内容の記述が必要です。",
    "A finding must name the section or field it concerns.": "指摘事項には対象のセクションまたは項目を指定してください。",
    "Write the participants' response first.": "先に参加者の回答を入力してください。",
    "Word document (*.docx)": "Word 文書 (*.docx)",
    "Excel workbook (*.xlsx)": "Excel ブック (*.xlsx)",
    "Export findings": "指摘事項の出力",
    "Findings are exported as .docx or .xlsx.": "指摘事項は .docx または .xlsx で出力します。",
    "Findings not exported": "指摘事項は出力されませんでした",
    "Sign off this section": "このセクションをサインオフ",
    "Mark the section selected in the navigator as reviewed in this round": "ナビゲーターで選択中のセクションを、今回の審査で確認済みとして記録します",
    "Remove sign-off": "サインオフを取り消す",
    "Sign-offs": "サインオフ",
    "Section": "セクション",
    "State": "状態",
    "Signed off": "サインオフ日",
    "Reviewer": "審査員",
    "What changed since the sign-off": "サインオフ後の変更内容",
    "Path": "パス",
    "Signed-off value": "サインオフ時の値",
    "Now": "現在の値",
    "Sign off {0}": "{0} をサインオフ",
    "⚠ stale: {0} change(s)": "⚠ 要再確認: 変更 {0} 件",
    "✓ current": "✓ 最新",
    "round {0}, {1}": "第 {0} 回、{1}",
    "Changed since it was signed off; select to see what": "サインオフ後に変更されています。選択すると変更内容を表示します",
    "No section signed off yet.": "サインオフしたセクションはまだありません。",
    "{0} sign-off(s); {1} stale — changed since they were signed off.": "サインオフ {0} 件。うち {1} 件はサインオフ後に変更があり、再確認が必要です。",
    "{0} sign-off(s), all current.": "サインオフ {0} 件。すべて最新です。",
    "Select a sign-off to see what changed since.": "サインオフを選択すると、その後の変更内容を表示します。",
    "{0}: unchanged since round {1}.": "{0}: 第 {1} 回から変更はありません。",
    "{0}: changed since the sign-off in round {1} — sign off again once reviewed.": "{0}: 第 {1} 回のサインオフ後に変更されました — 確認後に再度サインオフしてください。",
    "Not signed off": "サインオフできませんでした",
    "Sign-off not removed": "サインオフを取り消せませんでした",
    "(none)": "（なし）",
    "(empty)": "（空欄）",
    "Reference emissions RE (exact)": "リファレンス排出量 RE（厳密値）",
    "Project emissions PE (exact)": "プロジェクト排出量 PE（厳密値）",
    "Emission reductions ER (exact)": "排出削減量 ER（厳密値）",
    "Reference emissions RE, tCO2e (rounded down)": "リファレンス排出量 RE tCO2e（切り捨て）",
    "Project emissions PE, tCO2e (rounded down)": "プロジェクト排出量 PE tCO2e（切り捨て）",
    "Emission reductions ER, tCO2e (rounded down)": "排出削減量 ER tCO2e（切り捨て）",
    "Differences": "差分",
    "What changed": "変更箇所",
    "Before": "変更前",
    "After": "変更後",
    "Comparing “{0}” (before) with “{1}” (after): {2} field(s) and {3} figure(s) differ.": "「{0}」（変更前）と「{1}」（変更後）の比較: 項目 {2} 件、数値 {3} 件が異なります。",
    "No differences in fields or figures.": "項目・数値に差分はありません。",
    "Fields ({0} changed)": "項目（変更 {0} 件）",
    "Figures ({0} changed)": "数値（変更 {0} 件）",
    "Compare projects or package rounds": "プロジェクトまたはパッケージの版を比較",
    "Before (earlier round):": "変更前（前回）:",
    "After (later round):": "変更後（今回）:",
    "Compare": "比較",
    "Choose the two files to compare.": "比較する 2 つのファイルを選択してください。",
    "Verifying and recomputing both sides…": "両方のファイルを検証し、再計算しています…",
    "Compare with…": "比較対象を選択…",
    "Continue an earlier review…": "前回の審査記録を引き継ぐ…",
    "Carry the findings and sign-offs of the previous round's review into this one": "前回の審査記録の指摘事項とサインオフを今回に引き継ぎます",
    "Continue an earlier review": "前回の審査記録を引き継ぐ",
    "This review already holds findings or sign-offs; nothing was carried over.": "この審査記録には既に指摘事項またはサインオフがあるため、引き継ぎは行いませんでした。",
    "JCM review (*{0})": "JCM 審査記録 (*{0})",
    "That is this round's own review file.": "それは今回の審査記録ファイルそのものです。",
    "Review not carried over": "審査記録を引き継げませんでした",
    "Raised by {0} on {1}": "{1} に {0} が指摘",
    "Co&mpare with…": "比較(&M)…",
    "Raise finding…": "指摘を登録…",
    "Go to the field": "該当項目へ移動",
    "The figures need one more input: {0}": "数値の算出にはあと 1 つ入力が必要です: {0}",
    "Calculating…": "計算中…",
    "The new language applies at once; your work and its undo history are kept. Exported documents are always in English, the official language of JCM.": "新しい言語はすぐに適用されます。作業内容と「元に戻す」の履歴はそのまま保持されます。出力文書は常に JCM の公用語である英語です。",
    "A finding on {0}": "{0} への指摘",
    "New finding on {0}": "{0} への新しい指摘",
    "{0} (not offered here)": "{0}（この行では選択肢にありません）",
    "“{0}” is not one of the choices offered here": "「{0}」はこの行の選択肢にありません",
    "No attached file has this reference ({0}); attach the file again or choose another.": "この参照 ({0}) に該当する添付ファイルがありません。ファイルを再度添付するか、別のファイルを選んでください。",
}


def fstring_messages(gui: Path = GUI) -> dict[str, tuple[str, int]]:
    """Module-level ``tr("…")`` calls inside f-strings: source text -> (module file, line)."""
    found: dict[str, tuple[str, int]] = {}
    for module in sorted(gui.glob("*.py")):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.JoinedStr):
                continue
            for call in ast.walk(node):
                if (
                    isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Name)
                    and call.func.id == "tr"
                    and call.args
                    and isinstance(call.args[0], ast.Constant)
                    and isinstance(call.args[0].value, str)
                ):
                    found.setdefault(call.args[0].value, (module.name, call.lineno))
    return found


def _add_unseen(root: ET.Element) -> None:
    """Messages lupdate missed (f-strings), in the module-level context ("")."""
    context = next((c for c in root.iter("context") if not (c.findtext("name") or "")), None)
    if context is None:
        return
    present = {m.findtext("source") for m in context.iter("message")}
    for source, (module, line) in fstring_messages().items():
        if source in present:
            continue
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "location", filename=f"../../jcm_pdd/gui/{module}", line=str(line))
        ET.SubElement(message, "source").text = source
        ET.SubElement(message, "translation", type="unfinished")


def fill(ts: Path) -> list[str]:
    tree = ET.parse(ts)
    _add_unseen(tree.getroot())
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.find("source").text or ""
        translation = message.find("translation")
        if source in JA:
            translation.text = JA[source]
            translation.attrib.pop("type", None)
        else:
            missing.append(source)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return missing


if __name__ == "__main__":
    left = fill(
        Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("jcm_pdd_ja.ts")
    )
    for text in left:
        print("untranslated:", text)
    sys.exit(1 if left else 0)
