"""Word lists for the demo database: plausible, not real, people and agencies."""

FAMILY = [
    ("Nguyễn", 38), ("Trần", 11), ("Lê", 9), ("Phạm", 7), ("Hoàng", 5), ("Huỳnh", 3),
    ("Phan", 4), ("Vũ", 4), ("Võ", 3), ("Đặng", 2), ("Bùi", 2), ("Đỗ", 2), ("Hồ", 2),
    ("Ngô", 2), ("Dương", 1), ("Lý", 1), ("Đinh", 1), ("Trương", 1), ("Lưu", 1), ("Mai", 1),
]
MIDDLE = {
    "M": ["Văn", "Hữu", "Đức", "Minh", "Quang", "Xuân", "Thanh", "Ngọc", "Công", "Duy",
          "Mạnh", "Tiến", "Trọng", "Đình", "Quốc", "Anh", "Hoàng", "Tuấn"],
    "F": ["Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Minh", "Hồng", "Kim", "Thùy",
          "Phương", "Mai", "Bích", "Diệu", "Hải"],
}
GIVEN = {
    "M": ["An", "Bình", "Cường", "Dũng", "Đạt", "Đức", "Giang", "Hải", "Hiếu", "Hòa", "Hùng",
          "Huy", "Khánh", "Kiên", "Lâm", "Long", "Minh", "Nam", "Nghĩa", "Phong", "Phúc",
          "Quân", "Quang", "Sơn", "Tài", "Thắng", "Thành", "Thịnh", "Toàn", "Trung", "Tuấn",
          "Tùng", "Việt", "Vinh", "Vũ", "Hưng", "Khôi", "Lộc", "Ân", "Ước"],
    "F": ["Anh", "Ánh", "Bích", "Chi", "Dung", "Duyên", "Giang", "Hà", "Hạnh", "Hằng", "Hiền",
          "Hoa", "Hồng", "Huệ", "Hương", "Lan", "Liên", "Linh", "Loan", "Mai", "My", "Nga",
          "Ngọc", "Nhung", "Oanh", "Phương", "Quyên", "Tâm", "Thảo", "Thủy", "Trang", "Uyên",
          "Vân", "Xuân", "Yến", "Ân"],
}
ETHNICITIES = [("Kinh", 90), ("Tày", 3), ("Mường", 2), ("Thái", 2), ("Nùng", 1), ("Dao", 1),
               ("Hoa", 1)]
PROFESSIONAL = [("Đại học", 62), ("Thạc sĩ", 22), ("Cao đẳng", 6), ("Trung cấp", 5),
                ("Tiến sĩ", 3), ("", 2)]
THEORY = [("", 20), ("Sơ cấp", 35), ("Trung cấp", 30), ("Cao cấp", 13), ("Cử nhân", 2)]
OCCUPATIONS = ["Chuyên viên", "Chuyên viên chính", "Kế toán viên", "Thanh tra viên",
               "Giáo viên", "Bác sĩ", "Điều dưỡng", "Kỹ sư", "Cán sự", "Phó Trưởng phòng",
               "Trưởng phòng", "Nhân viên"]
DISTRICTS = ["huyện Hoành Bồ", "huyện Yên Hưng", "huyện Đông Triều", "huyện Tiên Yên",
             "huyện Vân Đồn", "huyện Hải Hà", "thị xã Quảng Yên", "thành phố Cẩm Phả",
             "thành phố Uông Bí", "huyện Thủy Nguyên", "huyện Kim Thành", "huyện Nam Sách"]
COMMUNES = ["xã Sơn Dương", "xã Hòa Bình", "xã Tân Dân", "xã Hồng Phong", "xã Đông Hải",
            "phường Hồng Hà", "xã An Sinh", "xã Quảng Minh", "phường Trần Hưng Đạo", "xã Vĩnh Thực"]

# Agencies of a provincial bloc; the first of each pair is the host agency, the second its type.
AGENCIES = [
    ("Văn phòng Tỉnh ủy", "DANG_DOAN_THE"), ("Ban Tổ chức Tỉnh ủy", "DANG_DOAN_THE"),
    ("Ban Tuyên giáo Tỉnh ủy", "DANG_DOAN_THE"), ("Ban Dân vận Tỉnh ủy", "DANG_DOAN_THE"),
    ("Ban Nội chính Tỉnh ủy", "DANG_DOAN_THE"), ("Ủy ban Kiểm tra Tỉnh ủy", "DANG_DOAN_THE"),
    ("Ủy ban Mặt trận Tổ quốc tỉnh", "DANG_DOAN_THE"), ("Hội Liên hiệp Phụ nữ tỉnh", "DANG_DOAN_THE"),
    ("Tỉnh đoàn", "DANG_DOAN_THE"), ("Hội Nông dân tỉnh", "DANG_DOAN_THE"),
    ("Hội Cựu chiến binh tỉnh", "DANG_DOAN_THE"), ("Liên đoàn Lao động tỉnh", "DANG_DOAN_THE"),
    ("Văn phòng Đoàn ĐBQH và HĐND tỉnh", "NHA_NUOC"), ("Văn phòng UBND tỉnh", "NHA_NUOC"),
    ("Sở Tài chính", "NHA_NUOC"), ("Sở Kế hoạch và Đầu tư", "NHA_NUOC"), ("Sở Nội vụ", "NHA_NUOC"),
    ("Sở Tư pháp", "NHA_NUOC"), ("Sở Công Thương", "NHA_NUOC"), ("Sở Xây dựng", "NHA_NUOC"),
    ("Sở Giao thông vận tải", "NHA_NUOC"), ("Sở Y tế", "NHA_NUOC"),
    ("Sở Giáo dục và Đào tạo", "NHA_NUOC"), ("Sở Khoa học và Công nghệ", "NHA_NUOC"),
    ("Sở Thông tin và Truyền thông", "NHA_NUOC"), ("Sở Tài nguyên và Môi trường", "NHA_NUOC"),
    ("Sở Nông nghiệp và Phát triển nông thôn", "NHA_NUOC"),
    ("Sở Lao động - Thương binh và Xã hội", "NHA_NUOC"),
    ("Sở Văn hóa, Thể thao và Du lịch", "NHA_NUOC"), ("Sở Ngoại vụ", "NHA_NUOC"),
    ("Thanh tra tỉnh", "NHA_NUOC"), ("Ban Dân tộc tỉnh", "NHA_NUOC"),
    ("Cục Thuế tỉnh", "NHA_NUOC"), ("Cục Hải quan tỉnh", "NHA_NUOC"),
    ("Cục Thống kê tỉnh", "NHA_NUOC"), ("Kho bạc Nhà nước tỉnh", "NHA_NUOC"),
    ("Ngân hàng Nhà nước chi nhánh tỉnh", "NHA_NUOC"), ("Bảo hiểm xã hội tỉnh", "NHA_NUOC"),
    ("Tòa án nhân dân tỉnh", "NHA_NUOC"), ("Viện Kiểm sát nhân dân tỉnh", "NHA_NUOC"),
    ("Cục Thi hành án dân sự tỉnh", "NHA_NUOC"), ("Ban Quản lý Khu kinh tế", "NHA_NUOC"),
    ("Bệnh viện Đa khoa tỉnh", "SU_NGHIEP_CONG_LAP"), ("Bệnh viện Sản Nhi", "SU_NGHIEP_CONG_LAP"),
    ("Bệnh viện Y dược cổ truyền", "SU_NGHIEP_CONG_LAP"), ("Bệnh viện Lao và Phổi", "SU_NGHIEP_CONG_LAP"),
    ("Trung tâm Kiểm soát bệnh tật tỉnh", "SU_NGHIEP_CONG_LAP"),
    ("Trường Chính trị tỉnh", "SU_NGHIEP_CONG_LAP"), ("Trường Đại học Hạ Long", "SU_NGHIEP_CONG_LAP"),
    ("Trường Cao đẳng Y tế", "SU_NGHIEP_CONG_LAP"), ("Trường THPT Chuyên", "SU_NGHIEP_CONG_LAP"),
    ("Đài Phát thanh và Truyền hình tỉnh", "SU_NGHIEP_CONG_LAP"), ("Báo tỉnh", "SU_NGHIEP_CONG_LAP"),
    ("Bảo tàng tỉnh", "SU_NGHIEP_CONG_LAP"), ("Thư viện tỉnh", "SU_NGHIEP_CONG_LAP"),
    ("Trung tâm Phục vụ hành chính công", "SU_NGHIEP_CONG_LAP"),
    ("Quỹ Đầu tư phát triển tỉnh", "SU_NGHIEP_CONG_LAP"),
    ("Trường Cao đẳng Nghề Việt - Hàn", "SU_NGHIEP_CONG_LAP"),
    ("Bệnh viện Đa khoa khu vực Bãi Cháy", "SU_NGHIEP_CONG_LAP"),
    ("Trường Đại học Tư thục Quốc tế", "SU_NGHIEP_NGOAI_CONG_LAP"),
    ("Bệnh viện Đa khoa tư nhân An Bình", "SU_NGHIEP_NGOAI_CONG_LAP"),
    ("Công ty TNHH MTV Xổ số kiến thiết", "DN_NHA_NUOC"), ("Công ty Cấp nước", "DN_NHA_NUOC"),
    ("Công ty Môi trường đô thị", "DN_NHA_NUOC"), ("Công ty Thủy lợi", "DN_NHA_NUOC"),
    ("Công ty Điện lực tỉnh", "DN_NHA_NUOC"), ("Công ty Xăng dầu", "DN_NHA_NUOC"),
    ("Ngân hàng Nông nghiệp chi nhánh tỉnh", "DN_NHA_NUOC"),
    ("Ngân hàng Công thương chi nhánh tỉnh", "DN_NHA_NUOC"),
    ("Công ty Cổ phần Du lịch Hạ Long", "DN_NGOAI_NHA_NUOC"),
    ("Công ty Cổ phần Than Miền Bắc", "DN_NGOAI_NHA_NUOC"),
    ("Công ty Cổ phần Cảng Cái Lân", "DN_NGOAI_NHA_NUOC"),
    ("Công ty Cổ phần Xây dựng số 1", "DN_NGOAI_NHA_NUOC"),
    ("Hội Chữ thập đỏ tỉnh", "KHAC"), ("Liên minh Hợp tác xã tỉnh", "KHAC"),
]
# Beyond the list above, more agencies are made from these two halves (for 200-org demos).
EXTRA_KINDS = [("Chi cục", "NHA_NUOC"), ("Trung tâm", "SU_NGHIEP_CONG_LAP"),
               ("Ban Quản lý dự án", "NHA_NUOC"), ("Công ty Cổ phần", "DN_NGOAI_NHA_NUOC")]
EXTRA_FIELDS = ["Kiểm lâm", "Thủy sản", "Quản lý đất đai", "Bảo vệ thực vật", "Chăn nuôi và Thú y",
                "Đo lường chất lượng", "Quản lý thị trường", "Dân số", "An toàn thực phẩm",
                "Khuyến nông", "Xúc tiến đầu tư", "Công nghệ thông tin", "Văn hóa nghệ thuật",
                "Giám định y khoa", "Trợ giúp pháp lý", "Đăng kiểm", "Phát triển quỹ đất",
                "Nước sạch nông thôn", "Quy hoạch xây dựng", "Lưu trữ lịch sử", "Dịch vụ việc làm",
                "Điều dưỡng người có công", "Công tác xã hội", "Huấn luyện thể thao",
                "Giao thông", "Dân dụng và công nghiệp", "Nông nghiệp", "Vật liệu xây dựng",
                "Môi trường", "Đường thủy", "Hạ tầng khu công nghiệp", "Đào tạo lái xe"]
REGIONS = ["khu vực Hạ Long", "khu vực Cẩm Phả", "khu vực Uông Bí", "khu vực Móng Cái",
           "khu vực Đông Triều", "khu vực Quảng Yên", "khu vực Vân Đồn"]
UNITS = ["Văn phòng", "Phòng Tổ chức - Hành chính", "Phòng Kế hoạch - Tài chính",
         "Phòng Nghiệp vụ 1", "Phòng Nghiệp vụ 2", "Phòng Thanh tra", "Phòng Pháp chế",
         "Phòng Kỹ thuật", "Khoa Nội", "Khoa Ngoại", "Khoa Khám bệnh", "Phòng Đào tạo",
         "Phòng Quản lý chất lượng", "Phòng Tổng hợp", "Phòng Hợp tác quốc tế", "Đội Kiểm tra số 1",
         "Đội Kiểm tra số 2", "Phòng Công nghệ thông tin", "Khoa Xét nghiệm", "Phòng Hành chính - Quản trị"]
