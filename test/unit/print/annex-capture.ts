/**
 * The annexes of the Tràng Định sample decisions as the app printed them before the annexes became templates
 * (captured 05/12/2026 from `print.decision` over `init --office 180` + `seed-demo`, unit triệu đồng; the project
 * list in đồng), cell by cell: each row is [depth, flags (B bold, I italic, T total, D detail), …cells by column].
 * The same decisions' PDF text and workbook cells were compared with pdftotext and openpyxl at the same time.
 */
export interface CapturedAnnex {
  kind: string;
  label: string;
  title: string;
  unitLine: string;
  headerDepth: number;
  amountInWords: string | null;
  roundingNote: string | null;
  /** key:header lines joined by "/":kind:width */
  columns: string[];
  rows: (string | number | null)[][];
}

export const qd215TongHop: CapturedAnnex = {
  kind: "tong_hop",
  label: "Phụ lục I",
  title: "TỔNG HỢP PHÂN BỔ VỐN CÁC CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA",
  unitLine: "Đơn vị tính: triệu đồng",
  headerDepth: 2,
  amountInWords: "Bằng chữ: Sáu mươi bảy tỷ năm trăm tám mươi lăm triệu năm trăm nghìn đồng",
  roundingNote: null,
  columns: [
    "stt:STT:stt:12",
    "label:Nội dung:text:70",
    "total:Tổng số:money:28",
    "NSTW|DTPT:Ngân sách trung ương/Vốn ĐTPT:money:26",
    "NSTW|SN:Ngân sách trung ương/Kinh phí SN:money:26",
    "NST|DTPT:Ngân sách tỉnh đối ứng/Vốn ĐTPT:money:24",
    "NST|SN:Ngân sách tỉnh đối ứng/Kinh phí SN:money:24",
    "NSH:Ngân sách huyện:money:24",
    "note:Ghi chú:text:22",
  ],
  rows: [
    [-1, "BT", "", "TỔNG SỐ", 67585500000, 52090000000, 11885500000, 3610000000, 0, 0, null],
    [0, "B", "I", "Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi giai đoạn 2021 - 2030, giai đoạn I: từ năm 2021 đến năm 2025", 45210500000, 34570000000, 7795500000, 2845000000, 0, 0, null],
    [1, "B", "1", "Dự án 1: Giải quyết tình trạng thiếu đất ở, nhà ở, đất sản xuất, nước sinh hoạt", 9970000000, 6120000000, 3850000000, 0, 0, 0, null],
    [2, "", "a", "Hỗ trợ nhà ở", 3850000000, 0, 3850000000, 0, 0, 0, null],
    [2, "", "b", "Hỗ trợ nước sinh hoạt (phân tán; công trình nước sinh hoạt tập trung)", 6120000000, 6120000000, 0, 0, 0, 0, null],
    [1, "B", "2", "Dự án 4: Đầu tư cơ sở hạ tầng thiết yếu, phục vụ sản xuất, đời sống trong vùng đồng bào dân tộc thiểu số và miền núi và các đơn vị sự nghiệp công lập của lĩnh vực dân tộc", 33025000000, 28450000000, 1730000000, 2845000000, 0, 0, null],
    [2, "", "a", "Tiểu dự án 1: Đầu tư cơ sở hạ tầng thiết yếu, phục vụ sản xuất, đời sống trong vùng đồng bào dân tộc thiểu số và miền núi", 33025000000, 28450000000, 1730000000, 2845000000, 0, 0, null],
    [1, "B", "3", "Dự án 5: Phát triển giáo dục đào tạo nâng cao chất lượng nguồn nhân lực", 2215500000, 0, 2215500000, 0, 0, 0, null],
    [2, "", "a", "Tiểu dự án 1: Đổi mới hoạt động, củng cố phát triển các trường phổ thông dân tộc nội trú, trường phổ thông dân tộc bán trú, trường phổ thông có học sinh ở bán trú và xóa mù chữ cho người dân vùng đồng bào dân tộc thiểu số", 2215500000, 0, 2215500000, 0, 0, 0, null],
    [0, "B", "II", "Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025", 12980000000, 9870000000, 3110000000, 0, 0, 0, null],
    [1, "B", "1", "Dự án 1: Hỗ trợ đầu tư phát triển hạ tầng kinh tế - xã hội các huyện nghèo, các xã đặc biệt khó khăn vùng bãi ngang, ven biển và hải đảo", 9870000000, 9870000000, 0, 0, 0, 0, null],
    [2, "", "a", "Tiểu dự án 1: Hỗ trợ đầu tư phát triển hạ tầng kinh tế - xã hội các huyện nghèo, các xã đặc biệt khó khăn vùng bãi ngang, ven biển và hải đảo", 9870000000, 9870000000, 0, 0, 0, 0, null],
    [1, "B", "2", "Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo", 1540000000, 0, 1540000000, 0, 0, 0, null],
    [1, "B", "3", "Dự án 4: Phát triển giáo dục nghề nghiệp, việc làm bền vững", 1570000000, 0, 1570000000, 0, 0, 0, null],
    [2, "", "a", "Tiểu dự án 1: Phát triển giáo dục nghề nghiệp vùng nghèo, vùng khó khăn", 1120000000, 0, 1120000000, 0, 0, 0, null],
    [2, "", "b", "Tiểu dự án 2: Hỗ trợ người lao động đi làm việc có thời hạn ở nước ngoài theo hợp đồng", 450000000, 0, 450000000, 0, 0, 0, null],
    [0, "B", "III", "Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021 - 2025", 9395000000, 7650000000, 980000000, 765000000, 0, 0, null],
    [1, "B", "1", "Nội dung thành phần 2: Phát triển hạ tầng kinh tế - xã hội, cơ bản đồng bộ, hiện đại, đảm bảo kết nối nông thôn - đô thị và kết nối các vùng miền", 8415000000, 7650000000, 0, 765000000, 0, 0, null],
    [1, "B", "2", "Nội dung thành phần 5: Nâng cao chất lượng giáo dục, y tế và chăm sóc sức khỏe người dân nông thôn", 980000000, 0, 980000000, 0, 0, 0, null],
  ],
};

export const qd215TheoXa: CapturedAnnex = {
  kind: "theo_xa",
  label: "Phụ lục II",
  title: "CHI TIẾT PHÂN BỔ THEO XÃ, ĐƠN VỊ",
  unitLine: "Đơn vị tính: triệu đồng",
  headerDepth: 2,
  amountInWords: "Bằng chữ: Sáu mươi bảy tỷ năm trăm tám mươi lăm triệu năm trăm nghìn đồng",
  roundingNote: null,
  columns: [
    "stt:STT:stt:12",
    "label:Xã, đơn vị:text:70",
    "total:Tổng số:money:28",
    "NSTW|DTPT:Ngân sách trung ương/Vốn ĐTPT:money:26",
    "NSTW|SN:Ngân sách trung ương/Kinh phí SN:money:26",
    "NST|DTPT:Ngân sách tỉnh đối ứng/Vốn ĐTPT:money:24",
    "NST|SN:Ngân sách tỉnh đối ứng/Kinh phí SN:money:24",
    "NSH:Ngân sách huyện:money:24",
    "note:Ghi chú:text:22",
  ],
  rows: [
    [-1, "BT", "", "TỔNG SỐ", 67585500000, 52090000000, 11885500000, 3610000000, 0, 0, null],
    [1, "", "1", "Thị trấn Thất Khê", 480000000, 0, 480000000, 0, 0, 0, null],
    [1, "", "2", "Xã Đào Viên", 1500000000, 0, 1500000000, 0, 0, 0, null],
    [1, "", "3", "Xã Đề Thám", 500000000, 0, 500000000, 0, 0, 0, null],
    [1, "", "4", "Xã Đoàn Kết", 1250000000, 0, 1250000000, 0, 0, 0, null],
    [1, "", "5", "Xã Đội Cấn", 830000000, 0, 830000000, 0, 0, 0, null],
    [1, "", "6", "Xã Quốc Khánh", 1100000000, 0, 1100000000, 0, 0, 0, null],
    [1, "", "7", "Xã Tri Phương", 900000000, 0, 900000000, 0, 0, 0, null],
    [1, "", "8", "Phòng Giáo dục và Đào tạo huyện Tràng Định", 2215500000, 0, 2215500000, 0, 0, 0, null],
    [1, "", "9", "Phòng Lao động - Thương binh và Xã hội huyện Tràng Định", 450000000, 0, 450000000, 0, 0, 0, null],
    [1, "", "10", "Phòng Nông nghiệp và Phát triển nông thôn huyện Tràng Định", 1540000000, 0, 1540000000, 0, 0, 0, null],
    [1, "", "11", "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên huyện Tràng Định", 1120000000, 0, 1120000000, 0, 0, 0, null],
    [1, "", "12", "Ban Quản lý dự án đầu tư xây dựng huyện Tràng Định", 55700000000, 52090000000, 0, 3610000000, 0, 0, null],
  ],
};

export const nq28DieuChinh: CapturedAnnex = {
  kind: "dieu_chinh",
  label: "Phụ lục I",
  title: "ĐIỀU CHỈNH KẾ HOẠCH VỐN CÁC CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA",
  unitLine: "Đơn vị tính: triệu đồng",
  headerDepth: 2,
  amountInWords: null,
  roundingNote: null,
  columns: [
    "stt:STT:stt:12",
    "label:Nội dung:text:80",
    "before:Kế hoạch đã giao:money:30",
    "decrease:Điều chỉnh/Giảm:money:28",
    "increase:Điều chỉnh/Tăng:money:28",
    "after:Kế hoạch sau điều chỉnh:money:30",
    "note:Ghi chú:text:34",
  ],
  rows: [
    [-1, "BT", "", "TỔNG SỐ", 4300000000, 300000000, 300000000, 4300000000, null],
    [0, "B", "I", "Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi giai đoạn 2021 - 2030, giai đoạn I: từ năm 2021 đến năm 2025", 3850000000, 0, 300000000, 4150000000, null],
    [1, "B", "1", "Dự án 1: Giải quyết tình trạng thiếu đất ở, nhà ở, đất sản xuất, nước sinh hoạt", 3850000000, 0, 300000000, 4150000000, null],
    [2, "", "a", "Hỗ trợ nhà ở", 3850000000, 0, 300000000, 4150000000, null],
    [3, "ID", "-", "Xã Đào Viên", 1500000000, 0, 300000000, 1800000000, ""],
    [0, "B", "II", "Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025", 450000000, 300000000, 0, 150000000, null],
    [1, "B", "1", "Dự án 4: Phát triển giáo dục nghề nghiệp, việc làm bền vững", 450000000, 300000000, 0, 150000000, null],
    [2, "", "a", "Tiểu dự án 2: Hỗ trợ người lao động đi làm việc có thời hạn ở nước ngoài theo hợp đồng", 450000000, 300000000, 0, 150000000, null],
    [3, "ID", "-", "Phòng Lao động - Thương binh và Xã hội huyện Tràng Định", 450000000, 300000000, 0, 150000000, "Không còn đối tượng thụ hưởng"],
  ],
};

export const nq19DuToanSn: CapturedAnnex = {
  kind: "du_toan_sn",
  label: "Phụ lục I",
  title: "DỰ TOÁN CHI THƯỜNG XUYÊN THỰC HIỆN CÁC CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA NĂM 2024 THEO ĐƠN VỊ THỰC HIỆN",
  unitLine: "Đơn vị tính: triệu đồng",
  headerDepth: 2,
  amountInWords: "Bằng chữ: Bốn trăm bảy mươi ba triệu năm trăm năm mươi nghìn đồng",
  roundingNote: null,
  columns: [
    "stt:STT:stt:12",
    "label:Nội dung:text:80",
    "total:Tổng số:money:28",
    "NSTW:Chia ra/Ngân sách trung ương:money:30",
    "NST_DOIUNG:Chia ra/Ngân sách tỉnh đối ứng:money:30",
    "note:Ghi chú:text:22",
  ],
  rows: [
    [-1, "BT", "", "TỔNG SỐ", 473550000, 0, 473550000, null],
    [0, "B", "I", "Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi giai đoạn 2021 - 2030, giai đoạn I: từ năm 2021 đến năm 2025", 221550000, 0, 221550000, null],
    [1, "B", "1", "Dự án 5: Phát triển giáo dục đào tạo nâng cao chất lượng nguồn nhân lực", 221550000, 0, 221550000, null],
    [2, "", "a", "Tiểu dự án 1: Đổi mới hoạt động, củng cố phát triển các trường phổ thông dân tộc nội trú, trường phổ thông dân tộc bán trú, trường phổ thông có học sinh ở bán trú và xóa mù chữ cho người dân vùng đồng bào dân tộc thiểu số", 221550000, 0, 221550000, null],
    [3, "ID", "-", "Phòng Giáo dục và Đào tạo huyện Tràng Định", 161550000, 0, 161550000, null],
    [3, "ID", "-", "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên huyện Tràng Định", 60000000, 0, 60000000, null],
    [0, "B", "II", "Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025", 154000000, 0, 154000000, null],
    [1, "B", "1", "Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo", 154000000, 0, 154000000, null],
    [2, "ID", "-", "Phòng Lao động - Thương binh và Xã hội huyện Tràng Định", 50000000, 0, 50000000, null],
    [2, "ID", "-", "Phòng Nông nghiệp và Phát triển nông thôn huyện Tràng Định", 104000000, 0, 104000000, null],
    [0, "B", "III", "Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021 - 2025", 98000000, 0, 98000000, null],
    [1, "B", "1", "Nội dung thành phần 5: Nâng cao chất lượng giáo dục, y tế và chăm sóc sức khỏe người dân nông thôn", 98000000, 0, 98000000, null],
    [2, "ID", "-", "Phòng Giáo dục và Đào tạo huyện Tràng Định", 58000000, 0, 58000000, null],
    [2, "ID", "-", "Trung tâm Y tế huyện Tràng Định", 40000000, 0, 40000000, null],
  ],
};

export const qd215DuAn: CapturedAnnex = {
  kind: "du_an",
  label: "Phụ lục III",
  title: "DANH MỤC DỰ ÁN ĐẦU TƯ PHÁT TRIỂN",
  unitLine: "Đơn vị tính: đồng",
  headerDepth: 1,
  amountInWords: "Bằng chữ: Năm mươi lăm tỷ bảy trăm triệu đồng",
  roundingNote: null,
  columns: [
    "stt:STT:stt:12",
    "label:Tên dự án:text:62",
    "place:Địa điểm xây dựng:text:28",
    "investor:Chủ đầu tư:text:34",
    "approval:Quyết định phê duyệt:text:32",
    "tmdt:Tổng mức đầu tư:money:26",
    "amount:Kế hoạch vốn:money:26",
    "note:Ghi chú:text:30",
  ],
  rows: [
    [-1, "BT", "", "TỔNG SỐ", null, null, null, 6500000000, 55700000000, null],
    [1, "", "1", "Công trình nước sinh hoạt tập trung thôn Nà Lùng, xã Quốc Khánh (mẫu)", "Xã Quốc Khánh", "Ban Quản lý dự án đầu tư xây dựng huyện Tràng Định", "120/QĐ-UBND (mẫu) ngày 20/02/2024", 6500000000, 6120000000, "TD-2024-01; cơ chế đặc thù NQ 111/2024/QH15"],
    [1, "I", "2", "Các nội dung đầu tư chưa ghi vào danh mục dự án", null, null, null, null, 49580000000, null],
  ],
};
